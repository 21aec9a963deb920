import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import type { Loose } from '../support/loose.js';
import { type ApiCall, rawApi } from '../support/raw-api.js';
import { errorShapeProblems } from '../support/route-table.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { tickingClock } from '../support/ticking-clock.js';

/**
 * `search`, Vouch's extension to the list routes: a case-insensitive "contains" over each list's
 * own fields, where `%` and `_` are what they look like, combined with the list's other filters.
 */

/** What every list shares, and how to make one of its items whose searched text is `text`. */
interface SearchedList {
  name: string;
  path: string;
  /** The property holding the items. */
  itemsKey: string;
  /** The searched text of a listed item, as created. */
  textOf(item: Loose): string;
  create(api: ApiCall, text: string): Promise<Loose>;
}

async function created(answer: Promise<{ status: number; body: Loose }>): Promise<Loose> {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

const AMOUNT_OFF = { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 100 } };

const LISTS: SearchedList[] = [
  {
    name: 'customers',
    path: '/v1/customers',
    itemsKey: 'customers',
    textOf: (item) => item.name,
    create: (api, text) => created(api('POST', '/v1/customers', { name: text, source_id: `src-${text}` })),
  },
  {
    name: 'products',
    path: '/v1/products',
    itemsKey: 'products',
    textOf: (item) => item.name,
    create: (api, text) => created(api('POST', '/v1/products', { name: text, price: 100 })),
  },
  {
    name: 'orders',
    path: '/v1/orders',
    itemsKey: 'orders',
    textOf: (item) => item.source_id,
    create: (api, text) => created(api('POST', '/v1/orders', { source_id: text, amount: 1000 })),
  },
  {
    name: 'segments',
    path: '/v1/segments',
    itemsKey: 'data',
    textOf: (item) => item.name,
    create: async (api, text) => {
      const member = await created(api('POST', '/v1/customers', { source_id: `member-of-${text}` }));
      return created(api('POST', '/v1/segments', { name: text, type: 'static', customers: [member.id] }));
    },
  },
  {
    name: 'vouchers',
    path: '/v1/vouchers',
    itemsKey: 'vouchers',
    textOf: (item) => item.code,
    create: (api, text) =>
      created(
        api('POST', '/v1/vouchers', {
          code: text,
          type: 'DISCOUNT_VOUCHER',
          discount: { type: 'AMOUNT', amount_off: 100 },
        }),
      ),
  },
  {
    name: 'redemptions',
    path: '/v1/redemptions',
    itemsKey: 'redemptions',
    textOf: (item) => item.voucher.code,
    create: async (api, text) => {
      await created(api('POST', '/v1/vouchers', { code: text, ...AMOUNT_OFF }));
      const redemption = await created(
        api('POST', `/v1/vouchers/${encodeURIComponent(text)}/redemption`, { order: { amount: 1000 } }),
      );
      // A redemption says when it happened as `date`; the paging case bounds the list by created_at.
      return { ...redemption, created_at: redemption.date };
    },
  },
];

/** Searched texts, oldest first: the paging ones come last so a created_at bound can cut between them. */
const TEXTS = ['AdaLovelace', 'GraceHopper', '50%off', 'Room501', 'Gate5_b', 'Paged-1', 'Paged-2', 'Paged-3'];

describe.each(TEST_DATABASES)('list search on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { clock: tickingClock() });
  });
  afterAll(() => server?.close());

  describe.each(LISTS)('GET $path', (list) => {
    let api: ApiCall;
    const made = new Map<string, Loose>();
    beforeAll(async () => {
      const project = await server.createProject();
      api = rawApi(server.url, { appId: project.serverKey.app_id, secret: project.serverKey.app_token });
      for (const text of TEXTS) made.set(text, await list.create(api, text));
    });

    async function listed(query: string): Promise<{ texts: string[]; total: number }> {
      const { status, body } = await api('GET', `${list.path}?limit=100&order=created_at&${query}`);
      expect(status, JSON.stringify(body)).toBe(200);
      return { texts: (body[list.itemsKey] as Loose[]).map(list.textOf), total: body.total };
    }
    const search = (text: string, extra = '') => listed(`search=${encodeURIComponent(text)}${extra}`);
    /** Only this list's own items: segments also list the members' customers in the customers list, not here. */
    const ours = (texts: string[]) => texts.filter((text) => TEXTS.includes(text));

    it('finds items by part of their text, whatever the case', async () => {
      expect((await search('lovel')).texts).toEqual(['AdaLovelace']);
      expect((await search('HOPPER')).texts).toEqual(['GraceHopper']);
      expect((await search('aDaLOVE')).texts).toEqual(['AdaLovelace']);
      expect((await search('nothing-like-it')).texts).toEqual([]);
    });

    it('takes % and _ literally', async () => {
      expect((await search('50%')).texts).toEqual(['50%off']);
      // As a wildcard, `5_` would match "50%off" and "Room501".
      expect((await search('5_')).texts).toEqual(['Gate5_b']);
      expect((await search('%')).texts).toEqual(['50%off']);
      expect((await search('\\')).texts).toEqual([]);
    });

    it('combines with the created_at filter, and pages through the matches', async () => {
      const after = (made.get('Paged-1') as Loose).created_at as string;
      expect((await search('paged', `&created_at[after]=${encodeURIComponent(after)}`)).texts).toEqual([
        'Paged-2',
        'Paged-3',
      ]);
      const first = await api('GET', `${list.path}?search=PAGED&limit=2&page=1&order=created_at`);
      const second = await api('GET', `${list.path}?search=PAGED&limit=2&page=2&order=created_at`);
      expect(first.body.total).toBe(3);
      expect((first.body[list.itemsKey] as Loose[]).map(list.textOf)).toEqual(['Paged-1', 'Paged-2']);
      expect((second.body[list.itemsKey] as Loose[]).map(list.textOf)).toEqual(['Paged-3']);
    });

    it('refuses a search longer than 200 characters, and lists everything for an empty one', async () => {
      const tooLong = await server.app.inject({
        method: 'GET',
        url: `${list.path}?search=${'x'.repeat(201)}`,
        headers: server.serverHeaders(),
      });
      expect(errorShapeProblems(tooLong, 400, 'invalid_query_params')).toEqual([]);
      expect((await search('x'.repeat(200))).texts).toEqual([]);

      const everything = await listed('');
      expect(ours(everything.texts)).toEqual(TEXTS);
      for (const empty of ['', '   ']) {
        const answer = await search(empty);
        expect(answer).toEqual(everything);
      }
    });
  });

  describe('fields beyond the name', () => {
    let api: ApiCall;
    beforeAll(async () => {
      const project = await server.createProject();
      api = rawApi(server.url, { appId: project.serverKey.app_id, secret: project.serverKey.app_token });
    });
    const found = async (path: string, itemsKey: string, query: string) => {
      const { status, body } = await api('GET', `${path}${path.includes('?') ? '&' : '?'}${query}`);
      expect(status, JSON.stringify(body)).toBe(200);
      return (body[itemsKey] as Loose[]).map((item) => item.id as string).sort();
    };

    it('finds customers by email, source_id and id, alongside the exact filters', async () => {
      const ada = await created(
        api('POST', '/v1/customers', {
          source_id: 'CRM-Ada',
          name: 'Ada',
          email: 'ada@Analytical.example',
          address: { city: 'London' },
        }),
      );
      const alan = await created(
        api('POST', '/v1/customers', { source_id: 'crm-alan', name: 'Alan', address: { city: 'London' } }),
      );
      const grace = await created(
        api('POST', '/v1/customers', { source_id: 'navy-grace', name: 'Grace', email: 'grace@navy.example' }),
      );
      expect(await found('/v1/customers', 'customers', 'search=ANALYTICAL')).toEqual([ada.id]);
      expect(await found('/v1/customers', 'customers', 'search=crm-')).toEqual([ada.id, alan.id].sort());
      expect(await found('/v1/customers', 'customers', `search=${ada.id.slice(5).toUpperCase()}`)).toEqual([ada.id]);
      expect(await found('/v1/customers', 'customers', 'search=navy')).toEqual([grace.id]);
      expect(await found('/v1/customers', 'customers', 'search=crm&city=London')).toEqual([ada.id, alan.id].sort());
      expect(await found('/v1/customers', 'customers', 'search=navy&city=London')).toEqual([]);
      expect(await found('/v1/customers', 'customers', 'search=crm&name=Alan')).toEqual([alan.id]);
      // Letters beyond ASCII fold too, on both databases.
      const elodie = await created(api('POST', '/v1/customers', { source_id: 'crm-elodie', name: 'Élodie Straße' }));
      expect(await found('/v1/customers', 'customers', `search=${encodeURIComponent('élodie')}`)).toEqual([elodie.id]);
      expect(await found('/v1/customers', 'customers', `search=${encodeURIComponent('STRASSE')}`)).toEqual([]);
      expect(await found('/v1/customers', 'customers', `search=${encodeURIComponent('STRAßE')}`)).toEqual([elodie.id]);
    });

    it("finds products by source_id, and orders by id or their customer's name, email or source_id", async () => {
      const lamp = await created(api('POST', '/v1/products', { source_id: 'SKU-Lamp-7', name: 'Desk lamp' }));
      expect(await found('/v1/products', 'products', 'search=lamp-7')).toEqual([lamp.id]);
      expect(await found('/v1/products', 'products', `search=${lamp.id}`)).toEqual([lamp.id]);

      const bought = await created(
        api('POST', '/v1/orders', {
          source_id: 'web-1',
          amount: 500,
          customer: { source_id: 'shopper-77', name: 'Marie Curie', email: 'marie@radium.example' },
        }),
      );
      const other = await created(api('POST', '/v1/orders', { source_id: 'web-2', amount: 700 }));
      for (const text of ['CURIE', 'radium', 'shopper-7', bought.id]) {
        expect(await found('/v1/orders', 'orders', `search=${text}`)).toEqual([bought.id]);
      }
      expect(await found('/v1/orders', 'orders', 'search=WEB-')).toEqual([bought.id, other.id].sort());
    });

    it('finds vouchers by part of the code together with the exact code filter', async () => {
      const body = { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 100 } };
      const summer = await created(api('POST', '/v1/vouchers', { ...body, code: 'SUMMER-2026' }));
      const winter = await created(api('POST', '/v1/vouchers', { ...body, code: 'WINTER-2026' }));
      expect(await found('/v1/vouchers', 'vouchers', 'search=-2026')).toEqual([summer.id, winter.id].sort());
      expect(await found('/v1/vouchers', 'vouchers', 'search=mmer')).toEqual([summer.id]);
      expect(await found('/v1/vouchers', 'vouchers', 'search=2026&code=WINTER-2026')).toEqual([winter.id]);
      expect(await found('/v1/vouchers', 'vouchers', 'search=summer&code=WINTER-2026')).toEqual([]);
    });

    it("finds redemptions by id, code, their customer's name, email or source_id and their order's source_id", async () => {
      await created(
        api('POST', '/v1/campaigns', {
          name: 'Spring sale',
          campaign_type: 'DISCOUNT_COUPONS',
          type: 'STATIC',
          vouchers_count: 0,
          voucher: AMOUNT_OFF,
        }),
      );
      await created(api('POST', '/v1/campaigns/Spring%20sale/vouchers/SPRING-Tulip', {}));
      await created(api('POST', '/v1/vouchers', { ...AMOUNT_OFF, code: 'Lone-Rose' }));
      const redeem = (code: string, body: Loose) =>
        created(api('POST', `/v1/vouchers/${encodeURIComponent(code)}/redemption`, body));
      const marie = await redeem('SPRING-Tulip', {
        customer: { source_id: 'shopper-77', name: 'Marie Curie', email: 'marie@radium.example' },
        order: { source_id: 'web-1001', amount: 500 },
      });
      const anonymous = await redeem('Lone-Rose', { order: { source_id: 'till-2002', amount: 700 } });
      const rollback = await created(api('POST', `/v1/redemptions/${anonymous.id}/rollback`, {}));
      const redemptions = (query: string) => found('/v1/redemptions', 'redemptions', query);

      for (const text of ['CURIE', 'radium', 'shopper-7', 'WEB-10', 'tulip', marie.id.slice(3).toUpperCase()]) {
        expect(await redemptions(`search=${text}`)).toEqual([marie.id]);
      }
      // A rollback is a row of its own: it holds the code and the order of the redemption it undid.
      expect(await redemptions('search=ROSE')).toEqual([anonymous.id, rollback.id].sort());
      expect(await redemptions('search=till-')).toEqual([anonymous.id, rollback.id].sort());
      expect(await redemptions(`search=${rollback.id}`)).toEqual([rollback.id]);
      expect(await redemptions('search=ROSE&object=redemption')).toEqual([anonymous.id]);
      // Alongside the exact filters: a campaign by name, a voucher by code, a customer by source_id.
      expect(await redemptions('search=e&campaign=Spring%20sale')).toEqual([marie.id]);
      expect(await redemptions('search=rose&campaign=Spring%20sale')).toEqual([]);
      expect(await redemptions('search=o&voucher=Lone-Rose')).toEqual([anonymous.id, rollback.id].sort());
      expect(await redemptions('search=curie&voucher=Lone-Rose')).toEqual([]);
      expect(await redemptions('search=web&customer=shopper-77')).toEqual([marie.id]);
    });
  });
});
