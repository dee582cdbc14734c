// The maps (/Map and /public/map): Leaflet and Leaflet.markercluster, served by Sightline (assets/vendor). No inline script
// or style: values arrive in the map element's data- attributes, every text from the register or a map file is set as
// textContent, and a camera's direction turns its marker through the style object (CSSOM), which the
// Content-Security-Policy allows.
//   data-geojson        the cameras (a GeoJSON FeatureCollection of Points; "direction" in degrees, where known)
//   data-tiles          a tile URL template, with data-attribution; without it a plain background and nothing fetched
//   data-device-link    where a camera's ID leads (/Devices/), on the signed-in map only
//   data-reconciliation the register against OpenStreetMap (sightline reconcile's JSON), on the signed-in map only
"use strict";
(() => {
  const element = document.getElementById("map");
  if (!element || !window.L) return;
  const status = document.getElementById("map-status");
  const say = (text) => { if (status) status.textContent = text; };

  const map = L.map(element, { worldCopyJump: true, maxZoom: 19 });
  map.attributionControl.setPrefix("Leaflet");
  const tiles = element.dataset.tiles;
  if (tiles) {
    // Leaflet writes the attribution as HTML: the operator's words are escaped to text first.
    const attribution = document.createElement("span");
    attribution.textContent = element.dataset.attribution || "";
    L.tileLayer(tiles, { attribution: attribution.innerHTML, maxZoom: 19 }).addTo(map);
  } else {
    element.classList.add("plain");
  }
  map.setView([54.0, -2.5], 6);

  const fields = [["asset_id", "Asset"], ["system", "System"], ["site", "Site"], ["kind", "Kind"], ["brand", "Brand as sold"],
    ["model", "Model"], ["status", "Status"], ["platform", "Platform maker"], ["purpose", "Purpose"], ["operator", "Operator"]];

  const lines = (title, rows, link) => {
    const box = document.createElement("div");
    const heading = document.createElement(link ? "a" : "strong");
    heading.textContent = title;
    if (link) heading.href = link;
    box.append(heading);
    const list = document.createElement("dl");
    for (const [name, value] of rows) {
      if (value === undefined || value === null || value === "") continue;
      const dt = document.createElement("dt");
      dt.textContent = name;
      const dd = document.createElement("dd");
      dd.textContent = String(value);
      list.append(dt, dd);
    }
    box.append(list);
    return box;
  };

  // A dot, with an arrow turned to the camera's direction when it has one.
  const cameraIcon = (direction) => {
    const icon = document.createElement("div");
    icon.className = "cam";
    if (typeof direction === "number" && Number.isFinite(direction)) {
      const arrow = document.createElement("div");
      arrow.className = "cam-direction";
      arrow.style.transform = `rotate(${direction}deg)`;
      icon.append(arrow);
    }
    const dot = document.createElement("div");
    dot.className = "cam-dot";
    icon.append(dot);
    return L.divIcon({ html: icon, className: "cam-icon", iconSize: [28, 28], iconAnchor: [14, 14], popupAnchor: [0, -10] });
  };

  const deviceLink = element.dataset.deviceLink;
  const cameras = async () => {
    const response = await fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" });
    if (!response.ok) {
      say(`The cameras could not be loaded: ${(await response.text()).slice(0, 300) || response.status}`);
      return null;
    }
    const data = await response.json();
    const clusters = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50 });
    const markers = [];
    for (const feature of data.features || []) {
      if (feature?.geometry?.type !== "Point") continue;
      const [lon, lat] = feature.geometry.coordinates;
      if (typeof lat !== "number" || typeof lon !== "number") continue;
      const p = feature.properties || {};
      const name = p.asset_id || (p.id !== undefined ? `Device ${p.id}` : "Camera");
      const marker = L.marker([lat, lon], { icon: cameraIcon(p.direction), title: name, alt: name });
      marker.bindPopup(() => lines(name, [...fields.map(([key, label]) => [label, p[key]]), ["Direction", p.direction]],
        deviceLink && p.id !== undefined ? `${deviceLink}${encodeURIComponent(p.id)}` : null));
      markers.push(marker);
    }
    clusters.addLayers(markers);
    map.addLayer(clusters);
    element.dataset.cameras = String(markers.length);
    return { clusters, count: markers.length };
  };

  const reconciliation = () => {
    const text = element.dataset.reconciliation;
    if (!text) return null;
    const result = JSON.parse(text);
    const layer = L.featureGroup();
    for (const m of result.matched) {
      L.polyline([[m.latitude, m.longitude], [m.mapped.latitude, m.mapped.longitude]], { className: "osm-match", weight: 3 })
        .bindTooltip(`${m.assetId || `Device ${m.deviceId}`} = ${m.mapped.id} (${m.metres} m)`).addTo(layer);
    }
    for (const c of result.notMapped) {
      L.circleMarker([c.latitude, c.longitude], { className: "osm-unmapped", radius: 11 })
        .bindTooltip(`${c.assetId || `Device ${c.deviceId}`}: not on OpenStreetMap`).addTo(layer);
    }
    for (const c of result.notRegistered) {
      L.circleMarker([c.latitude, c.longitude], { className: "osm-unknown", radius: 7 })
        .bindPopup(() => lines(`${c.id}: on OpenStreetMap, not in the register`, Object.entries(c.tags || {}))).addTo(layer);
    }
    layer.addTo(map);
    return layer;
  };

  (async () => {
    try {
      const loaded = await cameras();
      const overlay = reconciliation();
      const bounds = L.latLngBounds([]);
      if (loaded && loaded.count > 0) bounds.extend(loaded.clusters.getBounds());
      if (overlay && overlay.getLayers().length > 0) bounds.extend(overlay.getBounds());
      if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 17, padding: [24, 24] });
      if (loaded) say(loaded.count === 1 ? "1 camera on the map." : `${loaded.count} cameras on the map.`);
      element.dataset.ready = "true";
    } catch (error) {
      say(`The map could not be drawn: ${error.message}`);
    }
  })();
})();
