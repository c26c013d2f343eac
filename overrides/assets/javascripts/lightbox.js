/* The photo book's lightbox, loaded only on gallery pages (partials/ttdn/photobook.html).

   Progressive enhancement: without this script each photo is a plain link to its large version.
   A small script of our own rather than PhotoSwipe or GLightbox: the native <dialog> opened with
   showModal() already gives the modal role, the focus trap, Esc and an inert page behind it; the
   markup stays plain HTML that the sanitiser's allow-list keeps; and nothing here sets an inline
   style or runs inline code, so it works under the site's CSP (script-src 'self', style-src
   'self'), which the libraries' inline styles and injected markup would fight. The picture shown
   is a clone of the gallery's own <picture> (AVIF/WebP/JPEG, widths up to 1600 px), sized for
   the whole screen; the caption inside is the gallery's own caption. */
(() => {
  "use strict";
  const dialog = document.querySelector("dialog.ttdn-lightbox");
  const links = Array.from(document.querySelectorAll("a.ttdn-gallery__link"));
  if (!dialog || links.length === 0 || typeof dialog.showModal !== "function") {
    return;
  }
  const stage = dialog.querySelector(".ttdn-lightbox__stage");
  const count = dialog.querySelector(".ttdn-lightbox__count");
  const closer = dialog.querySelector(".ttdn-lightbox__close");
  const SWIPE_PX = 40;
  let current = 0;
  let swipeFrom = null;

  function show(index) {
    current = (index + links.length) % links.length;
    const link = links[current];
    const picture = link.querySelector("picture").cloneNode(true);
    for (const element of picture.querySelectorAll("source, img")) {
      element.setAttribute("sizes", "100vw");
    }
    const img = picture.querySelector("img");
    img.removeAttribute("loading");
    img.setAttribute("decoding", "async");
    const figure = document.createElement("figure");
    figure.append(picture);
    const caption = link.closest("figure").querySelector("figcaption");
    if (caption) {
      figure.append(caption.cloneNode(true));
    }
    stage.replaceChildren(figure);
    count.textContent = `${current + 1} / ${links.length}`;
  }

  links.forEach((link, index) => {
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
        return; // a new tab or window: the plain link
      }
      event.preventDefault();
      show(index);
      dialog.showModal();
      closer.focus();
    });
  });

  dialog.querySelector(".ttdn-lightbox__previous").addEventListener("click", () => show(current - 1));
  dialog.querySelector(".ttdn-lightbox__next").addEventListener("click", () => show(current + 1));
  closer.addEventListener("click", () => dialog.close());

  dialog.addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight") {
      show(current + 1);
      event.preventDefault();
    } else if (event.key === "ArrowLeft") {
      show(current - 1);
      event.preventDefault();
    }
  });

  // A click on the backdrop (the dialog itself, outside its content) closes it.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) {
      dialog.close();
    }
  });

  // Swipe left or right on the photo to move; vertical moves still scroll (touch-action in
  // ttdn.css). A mouse drag would start the browser's own image drag: not on the stage.
  stage.addEventListener("dragstart", (event) => event.preventDefault());
  stage.addEventListener("pointercancel", () => {
    swipeFrom = null;
  });
  stage.addEventListener("pointerdown", (event) => {
    swipeFrom = event.clientX;
  });
  stage.addEventListener("pointerup", (event) => {
    if (swipeFrom === null) {
      return;
    }
    const moved = event.clientX - swipeFrom;
    swipeFrom = null;
    if (Math.abs(moved) >= SWIPE_PX) {
      show(moved < 0 ? current + 1 : current - 1);
    }
  });

  // Esc and the close button both end here: focus goes back to the photo on show, so the
  // reader continues from where the lightbox left them.
  dialog.addEventListener("close", () => {
    stage.replaceChildren();
    links[current].focus();
  });
})();
