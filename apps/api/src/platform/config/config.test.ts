import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>): { variable: string; problem: string }[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  test('an empty environment gives a working embedded setup on port 3000 with demo data', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.demo, true);
    assert.equal(config.publicUrl, 'http://localhost:3000');
    assert.equal(config.rootKeyBase64, undefined, 'no secret has a default');
  });

  test('a non-numeric PORT is refused with a message naming PORT and the expected form', () => {
    const problems = problemsOf({ PORT: 'abc' });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.variable, 'PORT');
    assert.match(problems[0]?.problem ?? '', /integer port number between 1 and 65535/);
  });

  test('an out-of-range PORT is refused', () => {
    assert.equal(problemsOf({ PORT: '70000' })[0]?.variable, 'PORT');
  });

  test('a DATABASE_URL that is not a postgres URL is refused', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://localhost/db' });
    assert.equal(problems[0]?.variable, 'DATABASE_URL');
    assert.match(problems[0]?.problem ?? '', /postgres:\/\//);
  });

  test('with DATABASE_URL set, demo data is off unless DEMO says otherwise', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db' }).demo, false);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db', DEMO: '1' }).demo, true);
    assert.equal(loadConfig({ DEMO: '0' }).demo, false);
  });

  test('a malformed DEMO flag, LOG_LEVEL and ROOT_KEY are each named', () => {
    const variables = problemsOf({ DEMO: 'maybe', LOG_LEVEL: 'loud', ROOT_KEY: 'short' }).map((p) => p.variable);
    assert.deepEqual(variables.sort(), ['DEMO', 'LOG_LEVEL', 'ROOT_KEY']);
  });

  test('the value of ROOT_KEY is never echoed in the error', () => {
    const problem = problemsOf({ ROOT_KEY: 'c2VjcmV0LXZhbHVl' })[0];
    assert.doesNotMatch(problem?.problem ?? '', /c2VjcmV0/);
  });

  test('PUBLIC_URL loses its trailing slash', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://sb.example.cn/' }).publicUrl, 'https://sb.example.cn');
  });
});
