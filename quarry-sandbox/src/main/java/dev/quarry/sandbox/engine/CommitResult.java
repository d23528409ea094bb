package dev.quarry.sandbox.engine;

/** The outcome of a commit: final counts and the state reached (VISIBLE normally). */
public record CommitResult(long txnId, TxnState state, AppendResult totals) {}
