"""Staff pages of the budget app (/o/<org>/budget/…) and the agencies' submission link."""
