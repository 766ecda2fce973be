// Réseau des territoires numériques apprenants: French by default (locales/fr.json is ours; Camunda ships
// only en and de). This file replaces the webjar's own config.js: its keyboard shortcuts are kept.
// scripts/reseau-tna.js: French validation messages of every form, the server's refusals shown as their sentence
// alone, no "Créer une tâche", and what each task is about in the task list (README "French webapps").
// scripts/menu-link.js: "Espace du réseau" in the header, a link to the network's pages (README "Pages").
export default {
  customScripts: ['scripts/reseau-tna.js', 'scripts/menu-link.js'],
  app: {
    name: 'Liste des tâches',
    vendor: 'Réseau TNA'
  },
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prend en charge la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'place le curseur sur le premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'place le curseur sur la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: "place le curseur sur le premier champ du formulaire de la tâche"
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvre la fenêtre de démarrage d’un processus'
    }
  }
};
