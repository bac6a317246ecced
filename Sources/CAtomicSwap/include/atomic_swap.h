#ifndef POLICYSITE_ATOMIC_SWAP_H
#define POLICYSITE_ATOMIC_SWAP_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE), so a reader
/// sees either the old directory or the new one, never neither. Returns 0, or -1 with errno set.
int policysite_exchange_paths(const char *first, const char *second);

#endif
