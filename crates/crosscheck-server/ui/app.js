// Placeholder: the web UI (ui branch) replaces this file.
"use strict";
