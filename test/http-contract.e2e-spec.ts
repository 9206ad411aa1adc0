import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './helpers/test-app';
import { isServerMode } from './helpers/test-config';

describe('HTTP contract: auth, problem details, health, docs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 401 problem+json without a key', async () => {
    const res = await t.http.get('/v1/keys');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'API_KEY_MISSING', title: 'Unauthorized' });
  });

  it('answers 401 for an unknown key, by header or bearer token', async () => {
    const unknown = 'mdm_00000000_' + 'A'.repeat(43);
    const byHeader = await t.http.get('/v1/keys').set('X-API-Key', unknown);
    const byBearer = await t.http.get('/v1/keys').set('Authorization', `Bearer ${unknown}`);
    expect(byHeader.body.code).toBe('API_KEY_INVALID');
    expect(byBearer.status).toBe(401);
  });

  it('answers 403 when the key lacks the role, and 200 for admin via bearer', async () => {
    const forbidden = await t.http.get('/v1/keys').set('X-API-Key', t.keys.system);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('ROLE_REQUIRED');
    const ok = await t.http.get('/v1/keys').set('Authorization', `Bearer ${t.keys.admin}`);
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toContain(t.keys.admin);
  });

  it('lists every bad field of a validation error with a code', async () => {
    const res = await t.http
      .post('/v1/keys')
      .set('X-API-Key', t.keys.admin)
      .send({ name: '', role: 'root', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.errors as { field: string; code: string }[])
      .map((e) => `${e.field}:${e.code}`)
      .sort();
    expect(fields).toEqual(['extra:UNKNOWN_FIELD', 'name:IS_LENGTH', 'role:IS_IN']);
  });

  it('answers 400 MALFORMED_JSON for a broken body', async () => {
    const res = await t.http
      .post('/v1/keys')
      .set('X-API-Key', t.keys.admin)
      .set('Content-Type', 'application/json')
      .send('{"name": "x",');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await t.http
      .post('/v1/keys')
      .set('X-API-Key', t.keys.admin)
      .send({ name: 'x'.repeat(10_000), role: 'admin' });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 404 problem+json for an unknown route', async () => {
    const res = await t.http.get('/v1/nothing-here').set('X-API-Key', t.keys.admin);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves health without a key and echoes a request id', async () => {
    const live = await t.http.get('/health/live').set('X-Request-Id', 'trace-123');
    expect(live.status).toBe(200);
    expect(live.headers['x-request-id']).toBe('trace-123');
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.status).toBe('up');
    // Server mode also needs Redis (jobs); embedded mode has no Redis to check.
    expect(ready.body.info.redis?.status).toBe(isServerMode() ? 'up' : undefined);
  });

  it('serves the OpenAPI document and its UI without a key', async () => {
    const doc = await t.http.get('/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/v1/keys');
    const ui = await t.http.get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('revokes a key so that it stops working', async () => {
    const created = await t.http
      .post('/v1/keys')
      .set('X-API-Key', t.keys.admin)
      .send({ name: 'temp', role: 'system' });
    expect(created.status).toBe(201);
    await t.http.delete(`/v1/keys/${created.body.id}`).set('X-API-Key', t.keys.admin).expect(204);
    const res = await t.http.get('/health/ready').set('X-API-Key', created.body.key);
    expect(res.status).toBe(200); // health stays public
    const denied = await t.http.get('/v1/keys').set('X-API-Key', created.body.key);
    expect(denied.status).toBe(401);
  });

  // Last: it breaks the database connection on purpose.
  it('answers an unexpected failure with 500, an error id and no internals', async () => {
    await t.app.get(DataSource).destroy();
    const res = await t.http.get('/v1/keys').set('X-API-Key', t.keys.admin);
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL_ERROR');
    expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|api_keys|at .*\.ts|Error:/);
  });
});
