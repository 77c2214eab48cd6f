import { startApp } from '../start'
import { createHttpApi, harnessToken } from './http-api'

// The harness page: opened as harness.html#harness=<token>, answered over loopback HTTP.
const token = harnessToken(window.location.hash)
startApp(token ? createHttpApi(window.location.origin, token) : null)
