import { startApp } from './start'

// The product page: the host API is the one the Electron preload exposes.
startApp(window.rapporteur ?? null)
