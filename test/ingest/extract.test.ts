import { describe, expect, it } from 'vitest';
import { ingest, statements } from './pipeline.ts';
import { seed } from './seeds.ts';

describe('claim extraction from the seed articles', () => {
  it('reads launches, makers and launch dates relative to the article date (000)', () => {
    const s = statements(ingest(seed(0)));
    expect(s).toEqual(expect.arrayContaining([
      'Product:xiaomi-12s-ultra LAUNCH_DATE date:MONTH:2022-07',
      'Product:xiaomi-12s-ultra MANUFACTURED_BY Company:xiaomi',
      'Product:sony-qx1 LAUNCH_DATE date:YEAR:2014',
      'Product:sony-qx30 MANUFACTURED_BY Company:sony',
    ]));
  });

  it('reads sensors, mounts, units and costs of the concept phone (000, 001)', () => {
    expect(statements(ingest(seed(0)))).toEqual(expect.arrayContaining([
      'Product:xiaomi-12s-ultra-concept SENSOR_RESOLUTION quantity:MP:50',
      'Product:xiaomi-12s-ultra-concept SENSOR_SIZE quantity:inch:1',
      'Product:xiaomi-12s-ultra-concept LENS_MOUNT Product:leica-m-mount',
      'Product:xiaomi-12s-ultra-concept UNITS_PRODUCED quantity::10',
      'Product:xiaomi-12s-ultra-concept UNIT_COST money:USD:40000',
      'Product:xiaomi-12s-ultra DEVELOPED_ALONGSIDE Product:xiaomi-12s-ultra-concept', // symmetric: ends in ID order
    ]));
    expect(statements(ingest(seed(1)))).toEqual(expect.arrayContaining([
      'Product:xiaomi-12s-ultra-concept SENSOR_RESOLUTION quantity:MP:50.3',
      'Product:xiaomi-12s-ultra-concept UNIT_COST money:USD:41210',
      'Product:xiaomi-12s-ultra-concept UNIT_COST money:CNY:300000',
      'Product:xiaomi-12s-ultra AVAILABILITY flag:false',
    ]));
  });

  it('reads partnerships with their start and end (003)', () => {
    const r = ingest(seed(3));
    const partners = r.claims.filter(({ claim }) => claim.predicate === 'PARTNERS_WITH').map(({ claim }) => [claim.subject, claim.object, claim.qualifiers]);
    expect(partners).toContainEqual(['Company:leica', 'Company:xiaomi', { startTime: { type: 'Date', value: '2022', precision: 'YEAR' } }]);
    expect(partners).toContainEqual(['Company:huawei', 'Company:leica', { endTime: { type: 'Date', value: '2022', precision: 'YEAR' } }]);
  });

  it('reads a denial as a negated claim (003: "does not carry Leica branding")', () => {
    expect(statements(ingest(seed(3)))).toContain('NOT Product:huawei-xs-2 OPTICS_BY Company:leica');
  });

  it('reads lineage, ratings, market rank and nationality (002)', () => {
    expect(statements(ingest(seed(2)))).toEqual(expect.arrayContaining([
      'Product:xiaomi-12s-ultra-concept BASED_ON Product:xiaomi-12s-ultra',
      'Product:xiaomi-12s-ultra-concept PRECEDED_BY Product:samsung-galaxy-nx',
      'Product:xiaomi-12s-ultra-concept IP_RATING text:ip68',
      'Product:xiaomi-12s-ultra SENSOR_MAKER Company:sony',
      'Company:xiaomi MARKET_RANK quantity::3',
      'Company:leica COUNTRY text:germany',
      'Company:apple OUTSELLS Company:xiaomi',
    ]));
  });

  it('does not confuse the concept phone with the phone it is based on', () => {
    const s = statements(ingest(seed(2)));
    expect(s).not.toContain('Product:xiaomi-12s-ultra UNIT_COST money:EUR:42000');
    expect(s).not.toContain('Product:xiaomi-12s-ultra UNITS_PRODUCED quantity::10');
  });
});

describe('claim extraction from new phrasings', () => {
  it('reads a supply deal, a quoted executive and his affiliation', () => {
    const s = statements(ingest(
      'Tessera Semiconductor will supply its T9 Vision image processors to Halden Mobile. ' +
        '"We designed it around the camera," Tessera president Lin Wei-Ting told reporters. ' +
        'Halden Mobile, the Finnish handset maker, has partnered with Tessera before.',
      { published: '2024-05-20' },
    ));
    expect(s).toEqual(expect.arrayContaining([
      'Product:tessera-t9-vision MANUFACTURED_BY Company:tessera-semiconductor',
      'Person:lin-wei-ting AFFILIATED_WITH Company:tessera-semiconductor',
      'Person:lin-wei-ting SAID text:we designed it around the camera,',
      'Company:halden-mobile COUNTRY text:finland',
      'Company:halden-mobile PARTNERS_WITH Company:tessera-semiconductor',
    ]));
  });

  it('reads a rumour as SPECULATED, with its price in euros and its launch month', () => {
    const r = ingest('Orion X2 foldable could cost around 1,500 euros. The Orion X2 could launch in September, according to tipster Ravi Menon.', { published: '2024-06-10' });
    const byPredicate = Object.fromEntries(r.claims.map(({ claim, evidence }) => [claim.predicate, [claim.value, evidence.modality]]));
    expect(byPredicate.UNIT_COST).toEqual([{ type: 'Money', amount: 1500, currency: 'EUR', approximate: true }, 'SPECULATED']);
    expect(byPredicate.LAUNCH_DATE).toEqual([{ type: 'Date', value: '2024-09', precision: 'MONTH' }, 'SPECULATED']);
  });

  it('reads the end of a partnership', () => {
    const r = ingest('Smartphone maker Lumetra has ended its five-year imaging partnership with Swedish optics firm Vantage Labs.', { published: '2024-03-13' });
    const ended = r.claims.find(({ claim }) => claim.predicate === 'PARTNERS_WITH');
    expect(ended?.claim.qualifiers).toEqual({ endTime: { type: 'Date', value: '2024', precision: 'YEAR' } });
  });
});
