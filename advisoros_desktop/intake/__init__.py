"""Bulk document intake: watched folders, dropped files, routing, hashing, the ledger.

Qt-free. Decides what a file is, where it belongs and whether the firm already
has it, then hands an upload job to the store's upload queue; ``sync`` sends it.
"""
