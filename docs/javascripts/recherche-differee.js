/*
 * La recherche du thème, chargée quand la page est prête plutôt que pendant son ouverture.
 *
 * Le thème Material télécharge l'index de recherche (search/search_index.json ; search.json quand
 * Zensical construit le site) dès l'ouverture de chaque page, le lit puis le confie à son « worker » qui construit l'index lunr. À dix fois le
 * modèle, l'index pèse 7 Mo : sa lecture occupe le fil principal pendant que la page se construit
 * (0,4 s de plus avant que l'explorateur réponde, dans Chromium sur cette machine). Ce script,
 * chargé avant celui du thème, retient cette seule requête jusqu'à ce que la page ait fini de se
 * charger et que le navigateur soit libre (requestIdleCallback, au plus 2 s après), ou jusqu'au
 * premier geste du lecteur, au premier des deux. Les résultats de la recherche sont les mêmes.
 *
 * Les deux thèmes font cette requête avec XMLHttpRequest (mkdocs-material 9.8, Zensical 0.0.73) ; si
 * l'un d'eux en change, ce script ne retient plus rien et la recherche se charge comme avant. Il est
 * chargé par overrides/main.html, avant le script du thème.
 */
(function () {
  "use strict";

  var INDEX = /\/search(\/search_index)?\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = [];
  var released = false;

  function release() {
    if (released) {
      return;
    }
    released = true;
    waiting.splice(0).forEach(function (request) {
      send.apply(request.xhr, request.args);
    });
  }

  function isIndex(url) {
    try {
      return INDEX.test(new URL(String(url), document.baseURI).pathname);
    } catch (error) {
      return false; // une adresse invalide : la requête part telle quelle, et échoue comme avant
    }
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.rechercheDifferee = isIndex(url);
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (this.rechercheDifferee && !released) {
      waiting.push({ xhr: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  // Le premier geste du lecteur (une touche, un clic, le champ de recherche atteint au clavier)
  // libère la requête : le champ et son raccourci sont dans l'en-tête de Material, dans une
  // boîte de dialogue de Zensical.
  ["keydown", "pointerdown", "focusin"].forEach(function (type) {
    window.addEventListener(type, release, { capture: true, passive: true });
  });

  function whenIdle() {
    if (typeof window.requestIdleCallback === "function") {
      window.requestIdleCallback(release, { timeout: 2000 });
    } else {
      window.setTimeout(release, 0);
    }
  }

  if (document.readyState === "complete") {
    whenIdle();
  } else {
    window.addEventListener("load", whenIdle);
  }
})();
