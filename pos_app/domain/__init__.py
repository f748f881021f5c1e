"""Pure business rules: money, tax, sales, tenders, compliance. No Qt, no SQL, no I/O."""
