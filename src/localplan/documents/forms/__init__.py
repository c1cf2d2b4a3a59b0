"""One builder per official form: it gathers and totals the rows and returns plain data that
the form's Typst template (templates/documents/<form>.typ) lays out and workbooks.py writes."""
