import { describe, expect, it } from 'vitest';
import { addressGroupOf } from './client-address.js';

describe('addressGroupOf', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:10.0.0.1', '10.0.0.1'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['2001:0db8:85a3:08d3:ffff:ffff:ffff:ffff', '2001:db8:85a3:8d3::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:0:0:1::', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['not an address', 'not an address'],
    ['1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8:9'],
    ['1::2::3', '1::2::3'],
  ])('%s counts as %s', (ip, group) => {
    expect(addressGroupOf(ip)).toBe(group);
  });

  it('puts every address of one /64 in one group, and neighbouring /64s in different ones', () => {
    const group = addressGroupOf('2001:db8:1:2:aaaa::1');
    expect(addressGroupOf('2001:db8:1:2:ffff:1:2:3')).toBe(group);
    expect(addressGroupOf('2001:db8:1:3:aaaa::1')).not.toBe(group);
  });
});
