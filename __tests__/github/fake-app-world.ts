/**
 * What the fake App host knows besides its repositories' states: the GitHub App (its key pair,
 * webhook secret and bot), its installations (which account, which repositories, which
 * permissions), the installation tokens it minted, and the org teams it shares among the
 * repositories of an organisation. The host (fake-app-host.ts) routes requests with it; the
 * `/app…` endpoints (fake-app-endpoints.ts) read and change it.
 */
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { newInstallationToken, publicKeyOf, TOKEN_SECONDS } from './fake-app-auth.js';
import {
  FakeGitHubState,
  type AppInfo,
  type FakeGitHubOptions,
  type TokenIdentity,
} from './fake-state.js';
import { RSP_GATE_EVENTS, RSP_GATE_PERMISSIONS } from './github-app-objects.js';
import { identityFor, timestamp, type Identity } from './github-objects.js';

export interface FakeAppOptions {
  /** default 424242 */
  id?: number;
  /** default `rsp-gate` (its bot is `<slug>[bot]`) */
  slug?: string;
  /** default the slug */
  name?: string;
  /** the organisation that owns the App; default `acme` */
  owner?: string;
  /** default a random one */
  webhookSecret?: string;
  /** default rsp-gate's manifest: contents read; pull requests, checks, issues write; members read */
  permissions?: Record<string, string>;
  events?: string[];
}

export interface FakeApp {
  id: number;
  slug: string;
  name: string;
  owner: string;
  /** PEM, PKCS#1 (`BEGIN RSA PRIVATE KEY`), as GitHub's downloaded keys are; RSA 2048 */
  privateKey: string;
  publicKey: KeyObject;
  webhookSecret: string;
  /** `<slug>[bot]`, the identity of its installation tokens */
  bot: Identity;
  /** as check runs and tokens record the App */
  info: AppInfo;
}

export interface FakeInstallation {
  id: number;
  /** the organisation or user the App is installed on */
  account: Identity;
  /** `all`: every repository of the account, present and future */
  selection: 'all' | 'selected';
  /** `selected`: the repositories (`owner/name`, lower case) */
  repositories: Set<string>;
  permissions: Record<string, string>;
  events: string[];
  createdAt: string;
}

export interface InstallationToken {
  token: string;
  installationId: number;
  /** ms since the epoch */
  expiresAt: number;
  /** narrowed when minted (`repositories` / `repository_ids`), else null: the installation's */
  repositories: Set<string> | null;
  permissions: Record<string, string>;
}

export interface InstallOptions {
  permissions?: Record<string, string>;
  events?: string[];
  /** default: the type of the account's repositories, else Organization */
  accountType?: 'User' | 'Organization';
}

/** Repository options for `addRepository` (owner and name are its arguments). */
export type RepositoryOptions = Omit<FakeGitHubOptions, 'owner' | 'repo' | 'htmlUrl'>;

const key = (fullName: string): string => fullName.toLowerCase();

export function createApp(options: FakeAppOptions = {}): FakeApp {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const id = options.id ?? 424242;
  const slug = options.slug ?? 'rsp-gate';
  const name = options.name ?? slug;
  const owner = options.owner ?? 'acme';
  const bot = identityFor(`${slug}[bot]`, { type: 'Bot' });
  return {
    id,
    slug,
    name,
    owner,
    privateKey,
    publicKey: publicKeyOf(publicKey),
    webhookSecret: options.webhookSecret ?? randomBytes(20).toString('hex'),
    bot,
    info: {
      id,
      slug,
      name,
      owner,
      permissions: options.permissions ?? RSP_GATE_PERMISSIONS,
      events: options.events ?? RSP_GATE_EVENTS,
    },
  };
}

export class FakeAppWorld {
  readonly repos = new Map<string, FakeGitHubState>();
  readonly installations = new Map<number, FakeInstallation>();
  readonly tokens = new Map<string, InstallationToken>();
  private readonly byName = new Map<string, FakeGitHubState>();
  private readonly teams: [string, string, string[] | 'forbidden', { visibleTo?: string[] }][] = [];

  constructor(
    readonly app: FakeApp,
    private readonly options: {
      tokens?: Record<string, TokenIdentity>;
      now?: () => Date;
      clock: () => number;
    },
  ) {}

  // ---- repositories -------------------------------------------------------------------------

  addRepository(owner: string, name: string, options: RepositoryOptions = {}): FakeGitHubState {
    const fullName = `${owner}/${name}`;
    if (this.byName.has(key(fullName))) throw new Error(`${fullName} is already a repository`);
    const state = new FakeGitHubState({
      now: this.options.now,
      ...options,
      owner,
      repo: name,
      tokens: { ...this.options.tokens, ...options.tokens },
    });
    this.repos.set(fullName, state);
    this.byName.set(key(fullName), state);
    for (const [org, team, members, teamOptions] of this.teams) {
      if (key(org) === key(owner)) state.setTeamMembers(org, team, members, teamOptions);
    }
    return state;
  }

  /** The repository `owner/name` (any case), or undefined. */
  repository(fullName: string): FakeGitHubState | undefined {
    return this.byName.get(key(fullName));
  }

  repositoryById(id: number): FakeGitHubState | undefined {
    return [...this.repos.values()].find((s) => s.repo.id === id);
  }

  repositoriesOf(owner: string): FakeGitHubState[] {
    return [...this.repos.values()].filter((s) => key(s.repo.owner) === key(owner));
  }

  /** Team members, in every repository of `org` (those added later too). */
  setTeamMembers(
    org: string,
    team: string,
    members: string[] | 'forbidden',
    options: { visibleTo?: string[] } = {},
  ): void {
    this.teams.push([org, team, members, options]);
    for (const state of this.repositoriesOf(org)) state.setTeamMembers(org, team, members, options);
  }

  // ---- installations ------------------------------------------------------------------------

  addInstallation(
    id: number,
    account: string,
    repositories: string[] | 'all',
    options: InstallOptions = {},
  ): FakeInstallation {
    if (this.installations.has(id)) throw new Error(`installation ${id} exists`);
    const type =
      options.accountType ?? this.repositoriesOf(account)[0]?.repo.ownerType ?? 'Organization';
    const installation: FakeInstallation = {
      id,
      account: identityFor(account, { type }),
      selection: repositories === 'all' ? 'all' : 'selected',
      repositories: new Set(),
      permissions: options.permissions ?? { ...this.app.info.permissions },
      events: options.events ?? [...(this.app.info.events ?? [])],
      createdAt: timestamp(new Date(this.options.clock())),
    };
    this.installations.set(id, installation);
    if (repositories !== 'all') this.addToInstallation(id, repositories);
    return installation;
  }

  installation(id: number): FakeInstallation {
    const installation = this.installations.get(id);
    if (!installation) throw new Error(`no installation ${id}`);
    return installation;
  }

  /** Adds repositories (`name` of the account's, or `owner/name`) to a `selected` installation. */
  addToInstallation(id: number, names: string[]): void {
    const installation = this.installation(id);
    for (const name of names) {
      const fullName = name.includes('/') ? name : `${installation.account.login}/${name}`;
      const state = this.repository(fullName);
      if (!state) throw new Error(`addRepository(${fullName}) before installing on it`);
      if (key(state.repo.owner) !== key(installation.account.login))
        throw new Error(`${fullName} is not ${installation.account.login}'s`);
      installation.repositories.add(key(fullName));
    }
  }

  removeFromInstallation(id: number, names: string[]): void {
    const installation = this.installation(id);
    for (const name of names) {
      const fullName = name.includes('/') ? name : `${installation.account.login}/${name}`;
      installation.repositories.delete(key(fullName));
    }
  }

  /** The App is uninstalled: the installation and its tokens are gone. */
  uninstall(id: number): void {
    this.installations.delete(id);
  }

  /** The repositories an installation covers now, in the order they were added. */
  installedRepositories(installation: FakeInstallation): FakeGitHubState[] {
    return [...this.repos.values()].filter(
      (s) =>
        key(s.repo.owner) === key(installation.account.login) &&
        (installation.selection === 'all' ||
          installation.repositories.has(key(`${s.repo.owner}/${s.repo.name}`))),
    );
  }

  /** The installation covering a repository, if any. */
  installationFor(state: FakeGitHubState): FakeInstallation | undefined {
    return [...this.installations.values()].find((i) =>
      this.installedRepositories(i).includes(state),
    );
  }

  // ---- installation tokens ------------------------------------------------------------------

  /** A token for the installation's repositories (or only `repositories`), for one hour. */
  mint(
    installationId: number,
    options: { repositories?: string[]; permissions?: Record<string, string> } = {},
  ): InstallationToken {
    const installation = this.installation(installationId);
    const record: InstallationToken = {
      token: newInstallationToken(),
      installationId,
      expiresAt: this.options.clock() + TOKEN_SECONDS * 1000,
      repositories: options.repositories ? new Set(options.repositories.map(key)) : null,
      permissions: options.permissions ?? { ...installation.permissions },
    };
    this.tokens.set(record.token, record);
    for (const state of this.tokenRepositories(record)) this.register(record, state);
    return record;
  }

  /** A token still valid: known, not expired, its installation still there. */
  liveToken(token: string): InstallationToken | undefined {
    const record = this.tokens.get(token);
    if (!record || record.expiresAt <= this.options.clock()) return undefined;
    return this.installations.has(record.installationId) ? record : undefined;
  }

  /** The repositories a token may use now. */
  tokenRepositories(record: InstallationToken): FakeGitHubState[] {
    const installation = this.installations.get(record.installationId);
    if (!installation) return [];
    return this.installedRepositories(installation).filter(
      (s) =>
        record.repositories === null ||
        record.repositories.has(key(`${s.repo.owner}/${s.repo.name}`)),
    );
  }

  /** The repository knows the token as the App's bot (comments, reviews and check runs by it). */
  register(record: InstallationToken, state: FakeGitHubState): void {
    if (state.tokens.has(record.token)) return;
    state.tokens.set(record.token, { ...this.app.bot, readOnly: false, app: this.app.info });
  }

  /** Ends a token's life now (as if its hour had passed). */
  expire(token: string): void {
    const record = this.tokens.get(token);
    if (record) record.expiresAt = this.options.clock() - 1;
  }

  now(): number {
    return this.options.clock();
  }
}
