import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { wireClient } from './app/wire';
import { useSessionStore } from './stores/session';
import { useUiStore } from './stores/ui';
import './styles/main.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
wireClient(router, useSessionStore(pinia));
useUiStore(pinia).init();
app.use(router);
app.mount('#app');
