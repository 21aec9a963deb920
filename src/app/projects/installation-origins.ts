import { isOriginTrusted } from '../../domain/projects/project.js';
import type { Store } from '../ports.js';

const PAGE_SIZE = 500;

/** Every entry of every project's `client_trusted_domains`, each once. */
export async function listInstallationTrustedDomains(store: Store): Promise<string[]> {
  const domains = new Set<string>();
  let after: string | undefined;
  for (;;) {
    const page = await store.projects.list({
      limit: PAGE_SIZE,
      page: 1,
      order: { field: 'created_at', direction: 'asc' },
      ...(after ? { starting_after_id: after } : {}),
    });
    for (const project of page.items) for (const domain of project.settings.client_trusted_domains) domains.add(domain);
    const last = page.items.at(-1);
    if (!page.has_more || !last) return [...domains];
    after = last.id;
  }
}

/**
 * Whether some project of this installation trusts a browser origin. A CORS preflight carries no
 * key, so this is all it can be checked against; the request that follows is checked against its
 * own project. The union is read at most once per `refreshMs` (concurrent callers share one
 * read), so a flood of preflights costs no database work, and a changed setting shows within it.
 */
export class InstallationOrigins {
  private domains: readonly string[] = [];
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<readonly string[]> | null = null;

  constructor(
    private readonly store: Store,
    private readonly refreshMs: number,
  ) {}

  async isTrusted(origin: string | undefined): Promise<boolean> {
    if (!origin) return false;
    return isOriginTrusted(await this.currentDomains(), origin);
  }

  private currentDomains(): Promise<readonly string[]> {
    if (performance.now() - this.loadedAt < this.refreshMs) return Promise.resolve(this.domains);
    this.loading ??= listInstallationTrustedDomains(this.store)
      .then((domains) => {
        this.domains = domains;
        this.loadedAt = performance.now();
        return domains;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
