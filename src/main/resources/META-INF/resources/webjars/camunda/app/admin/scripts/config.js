// Réseau des territoires numériques apprenants: French by default (locales/fr.json is ours; Camunda ships
// only en and de). This file replaces the webjar's own config.js, which holds no other setting.
export default {
  app: {
    name: 'Administration',
    vendor: 'Réseau TNA'
  },
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  }
};
