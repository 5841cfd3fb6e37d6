/** An empty state: a small packaged picture and the words, in the page's type size. */
Component({
  properties: {
    description: { type: String, value: '' },
  },
});
