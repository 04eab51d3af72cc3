# The rsp-gate GitHub App server. dist/app.js is one self-contained file (rollup bundles every
# dependency), so the image is Node and that file.
#   docker build -t rsp-gate-app .
#   docker run -p 3000:3000 -e APP_ID -e PRIVATE_KEY -e WEBHOOK_SECRET [-e DATABASE_URL] rsp-gate-app
FROM node:24-slim
WORKDIR /srv/rsp-gate
COPY dist/app.js ./app.js
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
USER node
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "app.js"]
