/**
 * A small entity registry for stage tests: the seed corpus's main players.
 */

import type { Entity } from '../../src/model/entity.ts';

const e = (id: string, name: string, aliases: string[] = []): Entity => ({
  id,
  kind: id.split(':')[0] as Entity['kind'],
  name,
  aliases,
  description: null,
});

export const REGISTRY: Entity[] = [
  e('Company:xiaomi', 'Xiaomi'),
  e('Company:leica', 'Leica'),
  e('Company:huawei', 'Huawei'),
  e('Company:sony', 'Sony'),
  e('Company:samsung', 'Samsung'),
  e('Company:sharp', 'Sharp'),
  e('Company:apple', 'Apple'),
  e('Company:poco', 'POCO'),
  e('Product:xiaomi-12s-ultra', 'Xiaomi 12S Ultra', ['12S Ultra']),
  e('Product:xiaomi-12s-ultra-concept', 'Xiaomi 12S Ultra Concept', ['12S Ultra Concept', '12S Ultra Concept Phone', 'concept 12S Ultra']),
  e('Product:xiaomi-12-ultra', 'Xiaomi 12 Ultra', ['12 Ultra']),
  e('Product:xiaomi-mi-11-ultra', 'Xiaomi Mi 11 Ultra', ['Mi 11 Ultra']),
  e('Product:huawei-xs-2', 'Huawei Xs 2'),
  e('Product:sony-qx1', 'Sony QX1', ['QX1']),
  e('Product:sony-qx30', 'Sony QX30', ['QX30']),
  e('Product:sony-xperia', 'Sony Xperia', ['Xperia']),
  e('Product:sony-e-mount', 'Sony E-mount', ['E-mount', 'E-Lenses']),
  e('Product:leica-summilux-m-35-mm-f-1-4-asph', 'Leica Summilux-M 35 mm f/1.4 ASPH', ['Summilux-M 35 mm f/1.4 ASPH']),
  e('Product:samsung-galaxy-nx', 'Samsung Galaxy NX', ['Galaxy NX']),
  e('Product:leica-m-mount', 'Leica M mount', ['M-mount', 'Leica M', 'Leica M-series']),
  e('Person:lei-jun', 'Lei Jun', ['Jun']),
  e('Publication:engadget', 'Engadget'),
  e('Publication:gizmochina', 'GizmoChina'),
];

/** The registry without the entities named. */
export function registryWithout(...ids: string[]): Entity[] {
  return REGISTRY.filter((entity) => !ids.includes(entity.id));
}
