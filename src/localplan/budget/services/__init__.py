"""Every write of the budget app, by subject: documents and items, other agencies'
projects, spreadsheet imports, and the automatic draft of the operational plan."""
