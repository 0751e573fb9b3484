// Readiness probes used by scripts/services.sh: exits 0 when the service answers a real request.
//   node scripts/probe.js kafka 127.0.0.1:9092
'use strict';
const [, , kind, address] = process.argv;

async function probeKafka(brokers) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({ clientId: 'baoho-probe', brokers: [brokers], logLevel: logLevel.NOTHING, connectionTimeout: 1000, retry: { retries: 0 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    if (!cluster.controller && cluster.controller !== 0) throw new Error('no controller yet');
  } finally {
    await admin.disconnect();
  }
}

const probes = { kafka: probeKafka };
const probe = probes[kind];
if (!probe) {
  process.stderr.write(`unknown probe ${kind}\n`);
  process.exit(2);
}
const timer = setTimeout(() => process.exit(1), 5000);
probe(address).then(() => { clearTimeout(timer); process.exit(0); }, () => process.exit(1));
