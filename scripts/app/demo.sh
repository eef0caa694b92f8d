#!/usr/bin/env bash
# One command from a fresh clone to a running Landfall with demo data and the local sign-in:
# install, build, migrate and seed the embedded database, start on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/../.."

npm ci --no-audit --no-fund

if [ ! -f .env.local ]; then
  secret=$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64url"))')
  cat > .env.local <<ENV
# Written by scripts/app/demo.sh for local use. See README for a real PostgreSQL and identity provider.
AUTH_SECRET=$secret
OIDC_ALLOWED_DOMAINS=landfall.example
OIDC_ADMIN_EMAILS=admin@landfall.example
# The local demo identity provider is refused under NODE_ENV=production unless enabled here.
LANDFALL_LOCAL_IDP=1
ENV
  echo "[landfall] wrote .env.local"
fi

node_modules/.bin/next build
node_modules/.bin/tsx scripts/app/seed.ts
echo "[landfall] open http://localhost:${PORT:-3000} and sign in as staff@landfall.example / landfall"
exec node scripts/app/run.mjs start
