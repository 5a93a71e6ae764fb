// Refreshes exchange rates on App Engine cron; no model involved.
const express = require('express');
const { Firestore } = require('@google-cloud/firestore');

const app = express();
const db = new Firestore();

app.get('/tasks/refresh-rates', async (req, res) => {
  if (req.get('X-Appengine-Cron') !== 'true') return res.sendStatus(403);
  const rates = await (await fetch('https://api.frankfurter.app/latest?from=EUR')).json();
  await db.collection('rates').doc('latest').set(rates);
  res.json({ ok: true });
});

app.listen(process.env.PORT || 8080);
