// Benchmarks of the engine. Prints a table, or with --json one JSON object per line.
console.log('no benchmarks yet');
