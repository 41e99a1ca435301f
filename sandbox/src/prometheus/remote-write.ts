// The Prometheus remote-write 1.0 wire format, written by hand so that the sandbox's senders (the collector stand-in,
// the tests) need no protobuf or snappy dependency: a WriteRequest in protobuf, compressed as one snappy block.
//
// Facts, from prometheus/prometheus prompb/remote.proto and prompb/types.proto:
//   WriteRequest { repeated TimeSeries timeseries = 1; reserved 2; repeated MetricMetadata metadata = 3; }
//   TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; ... }
//   Label        { string name = 1; string value = 2; }
//   Sample       { double value = 1; int64 timestamp = 2; }   // timestamp in milliseconds
// and from the remote-write 1.0 specification (prometheus.io/docs/specs/remote_write_spec): the body is the
// snappy *block* format (not the framed stream format), labels of a series are sorted by name with no repeats,
// samples of a series are in timestamp order, and `__name__` carries the metric name.
// The snappy block format (google/snappy format_description.txt): the uncompressed length as a varint, then
// elements; a literal element is tag byte (len-1)<<2 | 0 for len ≤ 60, or 61<<2 then len-1 as two little-endian bytes.
// A block of literals only is valid snappy: every decoder (Prometheus uses golang/snappy's Decode) accepts it.

export interface RemoteWriteSample {
  value: number;
  timestampMs: number;
}

export interface RemoteWriteSeries {
  labels: Record<string, string>;
  samples: RemoteWriteSample[];
}

/** The headers every remote-write 1.0 request carries (the specification's MUSTs). */
export const REMOTE_WRITE_HEADERS = {
  'Content-Encoding': 'snappy',
  'Content-Type': 'application/x-protobuf',
  'X-Prometheus-Remote-Write-Version': '0.1.0',
} as const;

/** A remote-write body: the WriteRequest of `series`, protobuf-encoded and snappy-compressed. */
export function encodeWriteRequest(series: RemoteWriteSeries[]): Buffer {
  return snappyBlock(writeRequestProto(series));
}

/** The WriteRequest protobuf, uncompressed. Labels are sorted by name, as the specification requires. */
export function writeRequestProto(series: RemoteWriteSeries[]): Buffer {
  const out = new ProtoWriter();
  for (const s of series) {
    const ts = new ProtoWriter();
    const names = Object.keys(s.labels).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const label = new ProtoWriter();
      label.string(1, name);
      label.string(2, s.labels[name]);
      ts.bytes(1, label.finish());
    }
    for (const sample of s.samples) {
      const encoded = new ProtoWriter();
      encoded.double(1, sample.value);
      encoded.int64(2, sample.timestampMs);
      ts.bytes(2, encoded.finish());
    }
    out.bytes(1, ts.finish());
  }
  return out.finish();
}

/** One snappy block holding `data` as literals. */
export function snappyBlock(data: Buffer): Buffer {
  const parts: Buffer[] = [varint(BigInt(data.length))];
  const MAX_LITERAL = 65536;
  for (let at = 0; at < data.length; at += MAX_LITERAL) {
    const chunk = data.subarray(at, Math.min(at + MAX_LITERAL, data.length));
    const n = chunk.length - 1;
    parts.push(n < 60 ? Buffer.from([n << 2]) : Buffer.from([61 << 2, n & 0xff, n >> 8]), chunk);
  }
  return Buffer.concat(parts);
}

function varint(value: bigint): Buffer {
  // int64 fields encode negatives as their 64-bit two's complement: ten bytes.
  let v = BigInt.asUintN(64, value);
  const bytes: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v !== 0n);
  return Buffer.from(bytes);
}

class ProtoWriter {
  private readonly parts: Buffer[] = [];

  private key(field: number, wireType: number): void {
    this.parts.push(varint(BigInt((field << 3) | wireType)));
  }

  bytes(field: number, value: Buffer): void {
    this.key(field, 2);
    this.parts.push(varint(BigInt(value.length)), value);
  }

  string(field: number, value: string): void {
    this.bytes(field, Buffer.from(value, 'utf8'));
  }

  double(field: number, value: number): void {
    this.key(field, 1);
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value);
    this.parts.push(b);
  }

  int64(field: number, value: number): void {
    if (!Number.isSafeInteger(value)) throw new Error(`remote write: timestamp ${value} is not an integer number of milliseconds`);
    this.key(field, 0);
    this.parts.push(varint(BigInt(value)));
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}
