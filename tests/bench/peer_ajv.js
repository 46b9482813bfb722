// peer_ajv.js — the record checks JSON Schema can express, with ajv.
//   node peer_ajv.js SCHEMA FILE.ndjson   ->  {"RULE-ID": violations, ...}
// Finds ajv under $AJV_DIR/node_modules (make bench installs it in build/bench/node).
// Each record is validated with allErrors; an error's property names the rule.
'use strict';
const fs = require('fs');
const path = require('path');
const { StringDecoder } = require('string_decoder');
const Ajv = require(path.resolve(process.env.AJV_DIR || 'build/bench/node', 'node_modules', 'ajv'));

const RULE = { '/procedure': 'PROC-CODE', '/decree': 'DECREE-NUMBER', '/fee': 'FEE-NONNEG' };
const [schemaFile, dataFile] = process.argv.slice(2);
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
const counts = { 'PROC-CODE': 0, 'DECREE-NUMBER': 0, 'FEE-NONNEG': 0 };

function check(line) {
  if (!line.trim()) return;
  if (validate(JSON.parse(line))) return;
  for (const e of validate.errors) counts[RULE[e.instancePath]]++;
}

// Read in large blocks and split at newlines (readline is slower).
const fd = fs.openSync(dataFile, 'r');
const buf = Buffer.alloc(1 << 22);
const decoder = new StringDecoder('utf8'); // a character may straddle two blocks
let rest = '';
for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) {
  const lines = (rest + decoder.write(buf.subarray(0, n))).split('\n');
  rest = lines.pop();
  lines.forEach(check);
}
check(rest);
console.log(JSON.stringify(counts, Object.keys(counts).sort()));
