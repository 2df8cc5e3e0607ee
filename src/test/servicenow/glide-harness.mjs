// Runs the update set's own script include and business rule (extracted by the Java test) in
// Node, with small stand-ins for the Glide APIs they call, each doing what ServiceNow documents:
//   Class.create()                      a constructor that calls prototype.initialize
//   gs.getProperty(name, default)       the system property, or the default when unset
//   gs.error / gs.info                  the system log
//   GlideStringUtil.base64Encode(s)     Base64 of the UTF-8 bytes of s
//   GlideCertificateEncryption.generateMac(base64Key, 'HmacSHA256', data)
//                                       Base64 HMAC-SHA256 of the UTF-8 data, keyed with the
//                                       Base64-decoded key
//   GlideDateTime.getNumericValue()     now in epoch milliseconds
//   sn_ws.RESTMessageV2                 records what would be sent; executeAsync() "sends"
//   GlideRecord (current)               getTableName, getUniqueValue, getValue (text or null), operation
//
//   node glide-harness.mjs <input.json>   -> JSON on stdout
// input: { scriptInclude, businessRule, properties, nowMillis, record: { table, fields, operation },
//          vector: { secret, timestamp, body } }
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const log = [];
const sent = [];

class RESTMessageV2 {
  constructor() { this.headers = {}; this.endpoint = null; this.method = null; this.body = null; }
  setEndpoint(url) { this.endpoint = String(url); }
  setHttpMethod(method) { this.method = String(method).toUpperCase(); }
  setRequestHeader(name, value) { this.headers[name] = String(value); }
  setRequestBody(body) { this.body = String(body); }
  execute() { throw new Error('the script include must not wait for the answer: use executeAsync()'); }
  executeAsync() {
    sent.push({ endpoint: this.endpoint, method: this.method, headers: { ...this.headers }, body: this.body });
    return { waitForResponse() {}, getStatusCode() { return 202; } };
  }
}

class GlideCertificateEncryption {
  generateMac(base64Key, algorithm, data) {
    if (algorithm !== 'HmacSHA256') throw new Error(`unsupported MAC algorithm ${algorithm}`);
    return createHmac('sha256', Buffer.from(String(base64Key), 'base64'))
      .update(String(data), 'utf8').digest('base64');
  }
}

class GlideDateTime {
  getNumericValue() { return input.nowMillis; }
}

function glideRecord({ table, fields, operation }) {
  return {
    getTableName: () => table,
    getUniqueValue: () => fields.sys_id,
    // ServiceNow returns field values as text, and null for an empty field
    getValue: (name) => (fields[name] === undefined || fields[name] === null || fields[name] === '')
      ? null : String(fields[name]),
    operation: () => operation
  };
}

const sandbox = {
  Class: { create: () => function () { this.initialize.apply(this, arguments); } },
  gs: {
    getProperty: (name, fallback) => Object.hasOwn(input.properties, name) ? input.properties[name] : fallback,
    error: (message) => log.push(`ERROR ${message}`),
    info: (message) => log.push(`INFO ${message}`)
  },
  GlideStringUtil: { base64Encode: (s) => Buffer.from(String(s), 'utf8').toString('base64') },
  GlideCertificateEncryption,
  GlideDateTime,
  sn_ws: { RESTMessageV2 },
  JSON
};
vm.createContext(sandbox);
vm.runInContext(input.scriptInclude, sandbox, { filename: 'CamundaWebhook (script include)' });

const vector = input.vector;
const vectorSignature = new sandbox.CamundaWebhook('https://unused.invalid', vector.secret)
  .signature(vector.secret, vector.timestamp, vector.body);

sandbox.current = glideRecord(input.record);
sandbox.previous = null;
vm.runInContext(input.businessRule, sandbox, { filename: 'business rule' });

process.stdout.write(JSON.stringify({ vectorSignature, sent, log }));
