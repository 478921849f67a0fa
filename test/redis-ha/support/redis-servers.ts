import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '../../support/cli.js';

/**
 * Private Redis servers on loopback for the Redis HA tests: a three-node
 * cluster, or one Redis watched by one sentinel. Each server runs from a
 * temporary folder, persists nothing, listens on ports the OS picked, and is
 * stopped (SIGTERM to its own pid) and deleted by `stop()`.
 */

/** Why these tests cannot run here, or null when redis-server and redis-cli are installed. */
export function missingRedisTools(): string | null {
  for (const tool of ['redis-server', 'redis-cli']) {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (apt-get install redis-server / redis-tools): the Redis HA tests are skipped`;
    }
  }
  return null;
}

/** Every server of these tests asks for this password, so credentials are proven to travel from REDIS_URL. */
export const PASSWORD = 'ha-test-secret';
const auth = ['-a', PASSWORD, '--no-auth-warning'];

/**
 * A throwaway CA and a server certificate for 127.0.0.1 in `dir`, made with
 * openssl; processes that must trust it get NODE_EXTRA_CA_CERTS=<ca>.
 */
export function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  const at = (f: string) => join(dir, f);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore', timeout: 30_000 });
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.crt'), '-days', '1', '-subj', '/CN=claimflow test CA');
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('redis.key'), '-out', at('redis.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(at('san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  ssl('x509', '-req', '-in', at('redis.csr'), '-CA', at('ca.crt'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('redis.crt'), '-days', '1', '-extfile', at('san.cnf'));
  return { ca: at('ca.crt'), cert: at('redis.crt'), key: at('redis.key') };
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Ports that are free now and distinct from each other. */
async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

class ServerGroup {
  protected readonly procs: ChildProcess[] = [];
  protected readonly output: string[] = [];
  readonly dir = mkdtempSync(join(tmpdir(), 'claimflow-redis-ha-'));
  /** redis-cli's TLS arguments when the servers speak TLS only. */
  protected tlsArgs: string[] = [];

  protected cli(port: number, ...args: string[]): string {
    return execFileSync('redis-cli', ['-p', String(port), ...this.tlsArgs, ...auth, ...args], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
  }

  protected start(args: string[]): void {
    const child = spawn('redis-server', args, { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const i = this.output.push('') - 1;
    child.stdout!.on('data', (d) => (this.output[i] = (this.output[i] + d).slice(-4000)));
    child.stderr!.on('data', (d) => (this.output[i] = (this.output[i] + d).slice(-4000)));
    this.procs.push(child);
  }

  protected async answering(port: number): Promise<void> {
    await waitFor(`redis-server on port ${port}`, async () => {
      const dead = this.procs.find((p) => p.exitCode !== null);
      if (dead) throw new Error(`a redis-server exited with code ${dead.exitCode}:\n${this.output.join('\n')}`);
      return this.cli(port, 'ping').trim() === 'PONG';
    }, 15_000);
  }

  /** What the servers printed, for a failure message. */
  log(): string {
    return this.output.join('\n---\n');
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.procs.map((p) =>
        p.exitCode !== null
          ? null
          : new Promise<void>((resolve) => {
              const timer = setTimeout(() => p.kill('SIGKILL'), 5000);
              p.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              p.kill('SIGTERM');
            }),
      ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Three masters, no replicas: the smallest cluster Redis accepts. */
export class LocalRedisCluster extends ServerGroup {
  ports: number[] = [];

  /** `host:port,…` as REDIS_CLUSTER_NODES takes it. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  /** The CA file clients must trust when the cluster was started with TLS. */
  ca: string | null = null;

  /** `tls`: the nodes speak TLS only, clients and cluster bus alike, with a certificate of a CA made for the test. */
  static async start(size = 3, opts: { tls?: boolean } = {}): Promise<LocalRedisCluster> {
    const cluster = new LocalRedisCluster();
    try {
      const certs = opts.tls ? makeCertificates(cluster.dir) : null;
      if (certs) {
        cluster.ca = certs.ca;
        cluster.tlsArgs = ['--tls', '--cacert', certs.ca];
      }
      const tlsServer = (port: number) =>
        certs
          ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', certs.cert, '--tls-key-file', certs.key, '--tls-ca-cert-file', certs.ca,
             '--tls-auth-clients', 'no', '--tls-cluster', 'yes', '--tls-replication', 'yes']
          : ['--port', String(port)];
      // A data port and a cluster-bus port per node, all picked by the OS (the default bus port, +10000, may be taken or past 65535).
      const ports = await freePorts(size * 2);
      cluster.ports = ports.slice(0, size);
      for (const [i, port] of cluster.ports.entries()) {
        cluster.start([
          ...tlsServer(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-port', String(ports[size + i]),
          '--cluster-config-file', `nodes-${port}.conf`, '--save', '', '--appendonly', 'no', '--dir', cluster.dir,
          '--requirepass', PASSWORD, '--masterauth', PASSWORD,
        ]);
      }
      for (const port of cluster.ports) await cluster.answering(port);
      execFileSync('redis-cli', [...cluster.tlsArgs, ...auth, '--cluster', 'create', ...cluster.ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      for (const port of cluster.ports) {
        await waitFor(`cluster_state:ok on port ${port}`, async () => cluster.cli(port, 'cluster', 'info').includes('cluster_state:ok'), 20_000);
      }
      return cluster;
    } catch (err) {
      await cluster.stop();
      throw err;
    }
  }

  /** Keys each master holds, by port: shows where the queues went. */
  keysByNode(): Record<number, number> {
    return Object.fromEntries(this.ports.map((p) => [p, Number(this.cli(p, 'dbsize').trim())]));
  }
}

/** One Redis, one replica of it, and one sentinel that monitors them as `name`. */
export class LocalSentinel extends ServerGroup {
  redisPort = 0;
  replicaPort = 0;
  sentinelPort = 0;

  constructor(readonly name: string) {
    super();
  }

  /** `host:port` as REDIS_SENTINELS takes it. */
  get sentinels(): string {
    return `127.0.0.1:${this.sentinelPort}`;
  }

  static async start(name = 'claimflow-test'): Promise<LocalSentinel> {
    const s = new LocalSentinel(name);
    try {
      [s.redisPort, s.replicaPort, s.sentinelPort] = await freePorts(3);
      const server = (port: number) => ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', s.dir, '--dbfilename', `dump-${port}.rdb`, '--requirepass', PASSWORD, '--masterauth', PASSWORD];
      s.start(server(s.redisPort));
      await s.answering(s.redisPort);
      s.start([...server(s.replicaPort), '--replicaof', '127.0.0.1', String(s.redisPort)]);
      await s.answering(s.replicaPort);
      await waitFor('the replica to sync', async () => s.cli(s.replicaPort, 'info', 'replication').includes('master_link_status:up'), 15_000);
      // A sentinel rewrites its config file, so it gets one of its own in the temporary folder.
      const conf = join(s.dir, 'sentinel.conf');
      writeFileSync(conf, [
        `port ${s.sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${s.dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${s.redisPort} 1`,
        `sentinel down-after-milliseconds ${name} 5000`,
        `sentinel auth-pass ${name} ${PASSWORD}`,
        // The sentinel itself asks for a password too (REDIS_SENTINEL_PASSWORD).
        `requirepass ${PASSWORD}`,
        '',
      ].join('\n'));
      s.start([conf, '--sentinel']);
      await s.answering(s.sentinelPort);
      await waitFor(`the sentinel to know master ${name}`, async () => s.cli(s.sentinelPort, 'sentinel', 'get-master-addr-by-name', name).includes(String(s.redisPort)), 15_000);
      await waitFor(`the sentinel to know the replica of ${name}`, async () => s.cli(s.sentinelPort, 'sentinel', 'replicas', name).includes(String(s.replicaPort)), 30_000);
      return s;
    } catch (err) {
      await s.stop();
      throw err;
    }
  }

  /** The port of the current master, as the sentinel says. */
  masterPort(): number {
    return Number(this.cli(this.sentinelPort, 'sentinel', 'get-master-addr-by-name', this.name).trim().split('\n')[1]);
  }

  /** Keys in the current master. */
  keys(): number {
    return Number(this.cli(this.masterPort(), 'dbsize').trim());
  }

  /** Makes the replica the master (SENTINEL FAILOVER) and waits until it is one. */
  async failover(): Promise<void> {
    const before = this.masterPort();
    this.cli(this.sentinelPort, 'sentinel', 'failover', this.name);
    await waitFor('the failover', async () => {
      const now = this.masterPort();
      return now !== before && this.cli(now, 'role').startsWith('master');
    }, 30_000);
  }
}
