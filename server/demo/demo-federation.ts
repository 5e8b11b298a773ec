// The demo federation a newcomer sees on first start: a national confederation, three regional
// federations, local federations, and about thirty base councils of every kind, with real Bolivian
// places. People are invented (names drawn from common given names and surnames, fixed seed).

export interface DemoCouncil {
  key: string;
  name: string;
  kind: 'factory' | 'mine' | 'office' | 'village' | 'neighbourhood' | 'union' | 'federation';
  level?: string;
  territory: string;
  sector?: string;
  parent?: string;
  /** Members to generate (base councils). */
  members?: number;
}

export const DEMO_COUNCILS: DemoCouncil[] = [
  { key: 'nacional', name: 'Confederación Nacional de Consejos', kind: 'federation', level: 'national', territory: 'Bolivia' },
  { key: 'lapaz', name: 'Federación Regional de La Paz y El Alto', kind: 'federation', level: 'regional', territory: 'La Paz', parent: 'nacional' },
  { key: 'fejuve', name: 'Federación de Juntas Vecinales de El Alto', kind: 'federation', level: 'local', territory: 'El Alto', parent: 'lapaz' },
  { key: 'villa-adela', name: 'Junta Vecinal Villa Adela', kind: 'neighbourhood', territory: 'Villa Adela, El Alto', parent: 'fejuve', members: 78 },
  { key: 'senkata', name: 'Junta Vecinal Senkata', kind: 'neighbourhood', territory: 'Senkata, El Alto', parent: 'fejuve', members: 66 },
  { key: 'rio-seco', name: 'Junta Vecinal Río Seco', kind: 'neighbourhood', territory: 'Río Seco, El Alto', parent: 'fejuve', members: 59 },
  { key: 'satelite', name: 'Junta Vecinal Ciudad Satélite', kind: 'neighbourhood', territory: 'Ciudad Satélite, El Alto', parent: 'fejuve', members: 52 },
  { key: 'villa-ingenio', name: 'Junta Vecinal Villa Ingenio', kind: 'neighbourhood', territory: 'Villa Ingenio, El Alto', parent: 'fejuve', members: 47 },
  { key: 'fabriles-lp', name: 'Federación de Trabajadores Fabriles de La Paz', kind: 'federation', level: 'local', territory: 'La Paz', sector: 'industria', parent: 'lapaz' },
  { key: 'textil-senkata', name: 'Consejo de Fábrica Textil de Senkata', kind: 'factory', territory: 'Senkata, El Alto', sector: 'textil', parent: 'fabriles-lp', members: 64 },
  { key: 'embotelladora', name: 'Consejo de la Planta Embotelladora de El Alto', kind: 'factory', territory: 'El Alto', sector: 'bebidas', parent: 'fabriles-lp', members: 48 },
  { key: 'alcaldia-ea', name: 'Consejo de Trabajadores de la Alcaldía de El Alto', kind: 'office', territory: 'El Alto', sector: 'administración pública', parent: 'fabriles-lp', members: 41 },
  { key: 'cns-ea', name: 'Consejo del Hospital de la Caja Nacional, El Alto', kind: 'office', territory: 'El Alto', sector: 'salud', parent: 'fabriles-lp', members: 36 },
  { key: 'gremiales-ceja', name: 'Sindicato de Gremiales de La Ceja', kind: 'union', territory: 'La Ceja, El Alto', sector: 'comercio', parent: 'lapaz', members: 58 },
  { key: 'achacachi', name: 'Consejo Comunal de Achacachi', kind: 'village', territory: 'Achacachi, Omasuyos', sector: 'agricultura', parent: 'lapaz', members: 55 },
  { key: 'warisata', name: 'Consejo Comunal de Warisata', kind: 'village', territory: 'Warisata, Omasuyos', sector: 'agricultura', parent: 'lapaz', members: 39 },
  { key: 'oruro-potosi', name: 'Federación Regional de Oruro y Potosí', kind: 'federation', level: 'regional', territory: 'Oruro y Potosí', parent: 'nacional' },
  { key: 'mineros', name: 'Federación de Consejos Mineros', kind: 'federation', level: 'local', territory: 'Norte de Potosí y Oruro', sector: 'minería', parent: 'oruro-potosi' },
  { key: 'huanuni', name: 'Consejo Minero de Huanuni', kind: 'mine', territory: 'Huanuni, Oruro', sector: 'estaño', parent: 'mineros', members: 84 },
  { key: 'siglo-xx', name: 'Consejo Minero Siglo XX', kind: 'mine', territory: 'Llallagua, Potosí', sector: 'estaño', parent: 'mineros', members: 57 },
  { key: 'colquiri', name: 'Consejo Minero de Colquiri', kind: 'mine', territory: 'Colquiri, La Paz', sector: 'zinc y estaño', parent: 'mineros', members: 46 },
  { key: 'cerro-rico', name: 'Consejo Minero del Cerro Rico', kind: 'mine', territory: 'Potosí', sector: 'plata', parent: 'mineros', members: 71 },
  { key: 'vinto', name: 'Consejo de la Fundición de Vinto', kind: 'factory', territory: 'Vinto, Oruro', sector: 'metalurgia', parent: 'oruro-potosi', members: 43 },
  { key: 'ferroviarios', name: 'Sindicato de Trabajadores Ferroviarios de Oruro', kind: 'union', territory: 'Oruro', sector: 'transporte', parent: 'oruro-potosi', members: 35 },
  { key: 'copacabana-pt', name: 'Junta Vecinal Villa Copacabana', kind: 'neighbourhood', territory: 'Villa Copacabana, Potosí', parent: 'oruro-potosi', members: 44 },
  { key: 'macha', name: 'Consejo del Ayllu de Macha', kind: 'village', territory: 'Macha, Chayanta', sector: 'agricultura', parent: 'oruro-potosi', members: 37 },
  { key: 'cochabamba', name: 'Federación Regional de Cochabamba', kind: 'federation', level: 'regional', territory: 'Cochabamba', parent: 'nacional' },
  { key: 'campesinos-cbba', name: 'Federación de Consejos Campesinos de Cochabamba', kind: 'federation', level: 'local', territory: 'Valles y Trópico de Cochabamba', sector: 'agricultura', parent: 'cochabamba' },
  { key: 'villa-tunari', name: 'Sindicato Agrario de Villa Tunari', kind: 'union', territory: 'Villa Tunari, Chapare', sector: 'agricultura', parent: 'campesinos-cbba', members: 62 },
  { key: 'tiraque', name: 'Consejo Comunal de Tiraque', kind: 'village', territory: 'Tiraque', sector: 'agricultura', parent: 'campesinos-cbba', members: 41 },
  { key: 'punata', name: 'Consejo Comunal de Punata', kind: 'village', territory: 'Punata', sector: 'agricultura', parent: 'campesinos-cbba', members: 38 },
  { key: 'pagador', name: 'Junta Vecinal Villa Sebastián Pagador', kind: 'neighbourhood', territory: 'Villa Sebastián Pagador, Cochabamba', parent: 'cochabamba', members: 61 },
  { key: 'alto-cbba', name: 'Junta Vecinal Alto Cochabamba', kind: 'neighbourhood', territory: 'Alto Cochabamba', parent: 'cochabamba', members: 40 },
  { key: 'irpa-irpa', name: 'Consejo de la Fábrica de Cemento de Irpa Irpa', kind: 'factory', territory: 'Irpa Irpa, Capinota', sector: 'cemento', parent: 'cochabamba', members: 45 },
  { key: 'aguas-cbba', name: 'Consejo de Trabajadores del Servicio de Aguas', kind: 'office', territory: 'Cochabamba', sector: 'agua', parent: 'cochabamba', members: 33 },
  { key: 'maestros-cbba', name: 'Sindicato de Maestros Urbanos de Cochabamba', kind: 'union', territory: 'Cochabamba', sector: 'educación', parent: 'cochabamba', members: 54 },
];

export const GIVEN_NAMES = [
  'Juana', 'María', 'Rosa', 'Ana', 'Carmen', 'Lidia', 'Elena', 'Sonia', 'Teresa', 'Julia', 'Marta', 'Gladys',
  'Norma', 'Felipa', 'Remedios', 'Eulogia', 'Justina', 'Nélida', 'Virginia', 'Silvia', 'Juan', 'José', 'Carlos',
  'Luis', 'Mario', 'Pedro', 'Jorge', 'Víctor', 'René', 'Félix', 'Hugo', 'Roberto', 'Freddy', 'Edwin', 'Wilfredo',
  'Germán', 'Teodoro', 'Simón', 'Marcelino', 'Domingo', 'Evaristo', 'Filemón', 'Abel', 'Ramiro', 'Óscar',
];

export const SURNAMES = [
  'Mamani', 'Quispe', 'Condori', 'Choque', 'Flores', 'Huanca', 'Apaza', 'Limachi', 'Ticona', 'Cruz', 'Chura',
  'Copa', 'Poma', 'Calle', 'Yujra', 'Laura', 'Callisaya', 'Colque', 'Gutiérrez', 'Rojas', 'Vargas', 'Fernández',
  'Rodríguez', 'López', 'Pérez', 'Torrez', 'Villca', 'Mendoza', 'Ramos', 'Aruquipa', 'Nina', 'Ajata', 'Alanoca',
  'Tarqui', 'Huarachi', 'Paco', 'Sirpa', 'Machaca', 'Chambi', 'Ali', 'Vino', 'Cusi', 'Gómez', 'Soliz', 'Ayala',
];

/** Accounts with a password, printed at start and in the README, so a newcomer can sign in. */
export const DEMO_PASSWORD = 'cabildo-demo-2026';
export const DEMO_ACCOUNTS = {
  admin: { login: 'admin@cabildo.demo', fullName: 'Administración Cabildo' },
  secretaryVillaAdela: { login: 'secretaria.villaadela@cabildo.demo', fullName: 'Justina Mamani Quispe', council: 'villa-adela' },
  chairVillaAdela: { login: 'presidente.villaadela@cabildo.demo', fullName: 'Teodoro Choque Apaza', council: 'villa-adela' },
  secretaryHuanuni: { login: 'secretario.huanuni@cabildo.demo', fullName: 'Félix Condori Villca', council: 'huanuni' },
  secretaryNational: { login: 'secretaria.nacional@cabildo.demo', fullName: 'Remedios Huanca Limachi', council: 'senkata' },
} as const;

export const DEMO_APPLICATIONS = [
  { council: 'villa-adela', fullName: 'Rosa Limachi Copa', phone: '+591 71234501', homePlace: 'Calle 5, Villa Adela', message: 'Vivo en la zona hace tres años.', daysAgo: 2 },
  { council: 'villa-adela', fullName: 'Edwin Poma Chura', email: 'edwin.poma@example.org', workPlace: 'Textil Senkata', message: 'Quiero participar en la junta.', daysAgo: 9 },
  { council: 'huanuni', fullName: 'Wilfredo Colque Ali', phone: '+591 72345602', workPlace: 'Interior mina, nivel 240', daysAgo: 1 },
  { council: 'senkata', fullName: 'Sonia Yujra Nina', phone: '+591 73456703', homePlace: 'Senkata, zona 4', daysAgo: 5 },
  { council: 'pagador', fullName: 'Abel Rojas Soliz', email: 'abel.rojas@example.org', homePlace: 'Villa Pagador', daysAgo: 11 },
  { council: 'achacachi', fullName: 'Felipa Tarqui Ajata', phone: '+591 74567804', homePlace: 'Comunidad Corpa', daysAgo: 3 },
] as const;
