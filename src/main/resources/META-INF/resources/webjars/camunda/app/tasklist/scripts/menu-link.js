// Réseau TNA: a link from Tasklist's header to the network's own pages (/accueil: conventions, organisations,
// "Ma convention"... as the person's role allows). A Tasklist plugin on the navbar's plugin point, loaded by
// config.js: customScripts: ['scripts/menu-link.js']. The pages themselves list what they are
// (fr.manche.tna.platform.web.Page); this file only knows where their home page is.
const HOME = '/accueil';

export default {
  id: 'reseau-tna-menu-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    const link = document.createElement('a');
    link.href = HOME;
    link.className = 'reseau-tna-menu-link';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-home';
    icon.setAttribute('aria-hidden', 'true');
    link.append(icon, ' Espace du réseau');
    link.title = 'Les pages du réseau : conventions, organisations, ma convention…';
    node.appendChild(link);
  }
};
