import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('rapporteur', {})
