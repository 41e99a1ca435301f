import { Rule, Spec } from '../validate';

// Amazon CloudWatch Logs, model logs 2014-03-28 (awsJson1_1, target prefix Logs_20140328, signing name logs):
// the three reads the action makes of the collector's log stream. Members, lengths and patterns from the model.

const LOG_GROUP_NAME: Rule = { min: 1, max: 512, pattern: /^[.\-_/#A-Za-z0-9]+$/ };
const LOG_GROUP_IDENTIFIER: Rule = { min: 1, max: 2048, pattern: /^[\w#+=/:,.@-]*$/ };
const LOG_STREAM_NAME: Rule = { min: 1, max: 512, pattern: /^[^:*]*$/ };
const TIMESTAMP: Rule = { type: 'integer', min: 0 };
const NEXT_TOKEN: Rule = { min: 1 };
const EVENTS_LIMIT: Rule = { type: 'integer', min: 1, max: 10000 };

export const LOGS_SPEC: Record<'GetLogEvents' | 'FilterLogEvents' | 'DescribeLogStreams', { input: Spec }> = {
  GetLogEvents: {
    input: {
      logGroupName: LOG_GROUP_NAME, logGroupIdentifier: LOG_GROUP_IDENTIFIER, logStreamName: { ...LOG_STREAM_NAME, required: true },
      startTime: TIMESTAMP, endTime: TIMESTAMP, nextToken: NEXT_TOKEN, limit: EVENTS_LIMIT, startFromHead: { type: 'boolean' }, unmask: { type: 'boolean' },
    },
  },
  FilterLogEvents: {
    input: {
      logGroupName: LOG_GROUP_NAME, logGroupIdentifier: LOG_GROUP_IDENTIFIER,
      logStreamNames: { type: 'list', min: 1, max: 100, items: LOG_STREAM_NAME }, logStreamNamePrefix: LOG_STREAM_NAME,
      startTime: TIMESTAMP, endTime: TIMESTAMP, filterPattern: { min: 0, max: 1024 }, nextToken: NEXT_TOKEN, limit: EVENTS_LIMIT,
      startFromHead: { type: 'boolean' }, interleaved: { type: 'boolean' }, unmask: { type: 'boolean' },
    },
  },
  DescribeLogStreams: {
    input: {
      logGroupName: LOG_GROUP_NAME, logGroupIdentifier: LOG_GROUP_IDENTIFIER, logStreamNamePrefix: LOG_STREAM_NAME,
      orderBy: { enum: ['LogStreamName', 'LastEventTime'] }, descending: { type: 'boolean' }, nextToken: NEXT_TOKEN,
      limit: { type: 'integer', min: 1, max: 50 },
    },
  },
};
