// docker-compose.yml is deployment shape 2 (PostgreSQL, two replicas, a load balancer): each
// replica's environment is a config Ballast accepts, pointing at the compose file's own PostgreSQL,
// and the Compose CLI, where this machine has one, accepts the file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config';

const root = path.resolve(__dirname, '..', '..');
const file = path.join(root, 'docker-compose.yml');

interface Healthcheck { test: string[] | string; interval?: string; retries?: number }
interface Service {
  image?: string;
  build?: string | { context: string; dockerfile?: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: Healthcheck;
  ports?: string[];
  volumes?: string[];
}

const compose = parse(fs.readFileSync(file, 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const replicas = Object.keys(services).filter((name) => services[name].build !== undefined);

/** What Compose does to `${X:?message}` and `${X:-default}`, for the variables a deployer sets. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    const v = env[name];
    if (v) return v;
    if (op === '?') throw new Error(`${name} is required: ${arg}`);
    return op === '-' ? (arg ?? '') : '';
  });
}

const deployer = { SLACK_BOT_TOKEN: 'xoxb-1-compose', SLACK_SIGNING_SECRET: 'compose-secret', POSTGRES_PASSWORD: 'pw-compose' };

function environmentOf(name: string, env: Record<string, string> = deployer): Record<string, string> {
  return Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]));
}

describe('docker-compose.yml', () => {
  it('runs two Ballast replicas built from the Dockerfile, one PostgreSQL and a load balancer', () => {
    expect(replicas).toEqual(['ballast-1', 'ballast-2']);
    for (const name of replicas) {
      const build = services[name].build!;
      const context = typeof build === 'string' ? build : build.context;
      expect(path.resolve(root, context)).toBe(root);
      expect(fs.existsSync(path.join(root, context, typeof build === 'string' ? 'Dockerfile' : build.dockerfile ?? 'Dockerfile'))).toBe(true);
    }
    expect(services.postgres.image).toMatch(/^postgres:\d+/);
    expect(services.nginx.image).toMatch(/^nginx:/);
  });

  it('gives each replica an environment that Ballast accepts, on the compose file’s PostgreSQL', () => {
    const pg = environmentOf('postgres');
    for (const name of replicas) {
      const env = environmentOf(name);
      const config = loadConfig(env);
      expect(config).toMatchObject({ botToken: deployer.SLACK_BOT_TOKEN, signingSecret: deployer.SLACK_SIGNING_SECRET, port: 3000 });
      const url = new URL(config.databaseUrl!);
      expect(url.hostname).toBe('postgres');
      expect(url.port).toBe('5432');
      expect(url.username).toBe(pg.POSTGRES_USER);
      expect(url.password).toBe(pg.POSTGRES_PASSWORD);
      expect(url.pathname).toBe(`/${pg.POSTGRES_DB}`);
      // A replica starts only once PostgreSQL answers (migrations then run under an advisory lock).
      expect(services[name].depends_on?.postgres?.condition).toBe('service_healthy');
    }
  });

  it('refuses to start without the token, the signing secret and the database password', () => {
    for (const missing of Object.keys(deployer)) {
      const env: Record<string, string> = { ...deployer, [missing]: '' };
      expect(() => environmentOf('ballast-1', env)).toThrow(new RegExp(`^${missing} is required`));
    }
  });

  it('checks the health of every service, the replicas through /healthz', () => {
    for (const [name, s] of Object.entries(services)) {
      expect({ name, test: s.healthcheck?.test }).toEqual({ name, test: expect.anything() });
    }
    for (const name of replicas) expect(String(services[name].healthcheck!.test)).toContain('127.0.0.1:3000/healthz');
    expect(String(services.postgres.healthcheck!.test)).toContain('pg_isready');
  });

  it('spreads Slack’s requests over both replicas and publishes one port', () => {
    const lb = services.nginx;
    const mount = lb.volumes!.find((v) => v.endsWith('/etc/nginx/conf.d/default.conf:ro'))!;
    const conf = fs.readFileSync(path.join(root, mount.split(':')[0]), 'utf8');
    const upstream = [...conf.matchAll(/^\s*server\s+([\w-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(upstream).toEqual(replicas.map((r) => `${r}:${environmentOf(r).PORT}`));
    expect(conf).toMatch(/proxy_pass\s+http:\/\/ballast;/);
    // A POST that reached a replica is never sent to the other one (it could log twice).
    expect(conf).toMatch(/^\s*proxy_next_upstream\s+[^;]*;/m);
    expect(/^\s*proxy_next_upstream\s+([^;]*);/m.exec(conf)![1]).not.toContain('non_idempotent');
    expect(lb.ports).toEqual(['${BALLAST_HTTP_PORT:-3000}:80']);
    for (const name of replicas) expect(lb.depends_on?.[name]?.condition).toBe('service_healthy');
  });
});

/** `docker compose` (v2) or `docker-compose` (v1), whichever answers; null when neither is installed. */
function composeCli(): string[] | null {
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    const r = spawnSync(cmd[0], [...cmd.slice(1), 'version'], { encoding: 'utf8' });
    if (r.status === 0) return cmd;
  }
  return null;
}

const cli = composeCli();
const withCli = cli ? it : it.skip;

describe(`docker compose config (${cli ? cli.join(' ') : 'skipped: no Compose CLI on this machine'})`, () => {
  const run = (env: Record<string, string>) =>
    spawnSync(cli![0], [...cli!.slice(1), '-f', file, 'config'], {
      encoding: 'utf8',
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });

  withCli('accepts the file with the required variables set', () => {
    const r = run(deployer);
    expect(r.stderr).not.toMatch(/invalid|error/i);
    expect(r.status).toBe(0);
    const resolved = parse(r.stdout) as { services: Record<string, Service> };
    expect(Object.keys(resolved.services).sort()).toEqual(['ballast-1', 'ballast-2', 'nginx', 'postgres']);
    expect(String(resolved.services['ballast-2'].environment!.DATABASE_URL)).toBe('postgres://ballast:pw-compose@postgres:5432/ballast');
  });

  withCli('refuses it, naming the variable, when the database password is not set', () => {
    const r = run({ ...deployer, POSTGRES_PASSWORD: '' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('POSTGRES_PASSWORD');
  });
});
