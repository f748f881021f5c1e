"""Sales analytics for the console: a period's sales, taxes, discounts, refunds, voids, payments and shrinkage,
per store or over several stores, and the same figures of the period before it.

Everything is added up by the database (GROUP BY over the orders, their lines, payments and the inventory
ledger), in whole cents, and put in the store's own hours, days and weeks (`sync.hub.store_time`), so a day the
clocks change holds 23 or 25 hours of sales."""
