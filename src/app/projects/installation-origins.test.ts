import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../../domain/lists/list-query.js';
import { defaultProjectSettings, type Project } from '../../domain/projects/project.js';
import type { Store } from '../ports.js';
import { InstallationOrigins, listInstallationTrustedDomains } from './installation-origins.js';

function projectTrusting(id: string, domains: string[]): Project {
  return {
    id,
    name: id,
    description: null,
    settings: { ...defaultProjectSettings(), client_trusted_domains: domains },
    webhook_token: 'token',
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: null,
  };
}

/** A store whose only part in use is the project list, paged by cursor like the real one. */
function storeOf(projects: Project[]): { store: Store; reads: () => number } {
  let reads = 0;
  const list = async (query: ListQuery) => {
    reads++;
    const start = query.starting_after_id ? projects.findIndex((p) => p.id === query.starting_after_id) + 1 : 0;
    const items = projects.slice(start, start + query.limit);
    return { items, total: projects.length, has_more: start + items.length < projects.length };
  };
  return { store: { projects: { list } } as unknown as Store, reads: () => reads };
}

describe('listInstallationTrustedDomains', () => {
  it('gathers every project, page after page, each domain once', async () => {
    const projects = Array.from({ length: 1203 }, (_, i) => projectTrusting(`proj_${i}`, [`shop${i % 700}.example`]));
    projects.push(projectTrusting('proj_last', ['https://last.example', 'shop1.example']));
    const { store, reads } = storeOf(projects);
    const domains = await listInstallationTrustedDomains(store);
    expect(domains).toHaveLength(701);
    expect(domains).toContain('https://last.example');
    expect(reads()).toBe(3);
  });
});

describe('InstallationOrigins', () => {
  it('trusts an origin some project trusts, and reads the projects once for callers at the same time', async () => {
    const { store, reads } = storeOf([projectTrusting('a', ['a.example']), projectTrusting('b', ['*.b.example'])]);
    const origins = new InstallationOrigins(store, 60_000);
    const answers = await Promise.all([
      origins.isTrusted('https://a.example'),
      origins.isTrusted('https://shop.b.example'),
      origins.isTrusted('https://c.example'),
      origins.isTrusted(undefined),
    ]);
    expect(answers).toEqual([true, true, false, false]);
    expect(reads()).toBe(1);
    await origins.isTrusted('https://a.example');
    expect(reads()).toBe(1);
  });

  it('reads the projects again once the last read is older than the refresh interval', async () => {
    const projects = [projectTrusting('a', ['a.example'])];
    const { store, reads } = storeOf(projects);
    const origins = new InstallationOrigins(store, 0);
    expect(await origins.isTrusted('https://new.example')).toBe(false);
    projects.push(projectTrusting('new', ['new.example']));
    expect(await origins.isTrusted('https://new.example')).toBe(true);
    expect(reads()).toBe(2);
  });
});
