// Validates docker/compose.yml without a Docker engine: YAML syntax, and the services scale-out needs.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const doc = YAML.parseDocument(fs.readFileSync(path.join(__dirname, 'compose.yml'), 'utf8'), { merge: true, uniqueKeys: true });
const problems = [...doc.errors, ...doc.warnings].map(String);
const compose = doc.toJS() ?? {};
for (const s of ['postgres', 'redis', 'api1', 'api2', 'nginx']) if (!compose.services?.[s]) problems.push(`missing service ${s}`);
for (const s of ['api1', 'api2']) {
  const env = compose.services?.[s]?.environment ?? {};
  const keys = Array.isArray(env) ? env.map((e) => e.split('=')[0]) : Object.keys(env);
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'TRUST_PROXY']) if (!keys.includes(k)) problems.push(`${s} lacks ${k}`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('docker/compose.yml OK');
