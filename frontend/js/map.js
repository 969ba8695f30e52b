// Interactive city map: only after the visitor's explicit consent. Before the click nothing is loaded from the
// tile server (and Leaflet itself, self-hosted, is not even fetched). Without JavaScript the SVG map and the
// table carry the same information.
(function () {
  "use strict";

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (key) { el[key] = attrs[key]; });
      el.onload = resolve;
      el.onerror = reject;
      document.head.appendChild(el);
    });
  }

  document.querySelectorAll("[data-iq-map][data-iq-map-data]").forEach(function (box) {
    var consentBox = box.querySelector("[data-iq-map-consent-box]");
    var button = box.querySelector("[data-iq-map-consent]");
    var canvas = box.querySelector("[data-iq-map-canvas]");
    var dataElement = document.getElementById(box.getAttribute("data-iq-map-data"));
    if (!consentBox || !button || !canvas || !dataElement) { return; }
    consentBox.hidden = false;
    button.addEventListener("click", function () {
      var data = JSON.parse(dataElement.textContent);
      button.disabled = true;
      Promise.all([
        load("link", { rel: "stylesheet", href: box.getAttribute("data-iq-leaflet-css") }),
        load("script", { src: box.getAttribute("data-iq-leaflet-js") }),
      ]).then(function () {
        /* global L */
        L.Icon.Default.imagePath = box.getAttribute("data-iq-leaflet-images");
        canvas.hidden = false;
        consentBox.hidden = true;
        var map = L.map(canvas, { scrollWheelZoom: false }).setView([48.65, 9.0], 7);
        L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
        data.cities.forEach(function (city) {
          var link = document.createElement("a");
          link.href = city.url;
          link.textContent = city.title;
          L.marker([city.lat, city.lon], { title: city.title, alt: city.title, keyboard: true })
            .addTo(map)
            .bindPopup(link);
        });
      }).catch(function () {
        button.disabled = false;
      });
    });
  });
})();
