"""CSV imports into the hub: an OCS catalog for a tenant, an OCS advance shipping notice (ASN) for a store.

Every import is all-or-nothing: every row is checked first, and one bad row means nothing is written. The errors
name the file's line numbers, so the file can be fixed and imported again as a whole.
"""
