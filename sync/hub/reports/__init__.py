"""Reports the hub computes from the inventory ledger and the orders: the OCS daily sales and inventory report
(`sync.hub.reports.ocs`), its per-province files (`sync.hub.reports.exporters`) and their exported versions
(`sync.hub.reports.exports`)."""
