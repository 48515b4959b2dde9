"""Staff tools: import, new year, deploy, schema; they read the pipeline, the pipeline never imports them."""
