#!/usr/bin/env node
/**
 * The `claimgraph` command line: one entry, one sub-command per file.
 */
console.log('claimgraph');
