-- Issue 16 "one name per area": the development pipeline is `development` in every layer, so its policy key
-- admission.application_to_activist_months (migration 0023) is now development.application_to_activist_months.
UPDATE policies SET key = 'development.application_to_activist_months'
 WHERE key = 'admission.application_to_activist_months';
