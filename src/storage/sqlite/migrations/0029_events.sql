-- Events of grid governance (事件, domain.md §7; issue 17 "Events and their intake", "The closed loop"). The
-- category dictionary has two levels: top categories and their leaves, each leaf with its SLA class (general,
-- complex, utility, emergency: domain.md §7.4 examples). An event is scoped by the paths of its place (the
-- community), its accepting org and its assignee; the reporter's phone is encrypted at rest. Every change of an
-- event is one row of event_flow, which is append-only (triggers). Whistles (吹哨) to departments or overlay member
-- units and their 报到 are event_whistles. Event numbers (SJ2026-000123) count per year in event_counters.
CREATE TABLE event_categories (
    code TEXT PRIMARY KEY,
    parent_code TEXT REFERENCES event_categories(code),
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sla_class TEXT CHECK (sla_class IN ('general', 'complex', 'utility', 'emergency')),
    sort INTEGER NOT NULL DEFAULT 0,
    CHECK ((parent_code IS NULL) = (sla_class IS NULL))
) STRICT;
INSERT INTO event_categories (code, parent_code, name_zh, name_en, sla_class, sort) VALUES
    ('city', NULL, '市容环境', 'City appearance', NULL, 10),
    ('city.street_vending', 'city', '占道经营', 'Street vending', 'general', 11),
    ('city.garbage', 'city', '垃圾堆放', 'Piled-up rubbish', 'general', 12),
    ('city.illegal_ads', 'city', '乱贴小广告', 'Illegal flyers', 'general', 13),
    ('city.illegal_building', 'city', '违章搭建', 'Unauthorised building', 'complex', 14),
    ('facility', NULL, '公共设施', 'Public facilities', NULL, 20),
    ('facility.street_light', 'facility', '路灯损坏', 'Broken street light', 'general', 21),
    ('facility.manhole', 'facility', '井盖缺失', 'Missing manhole cover', 'emergency', 22),
    ('facility.road', 'facility', '道路破损', 'Damaged road', 'general', 23),
    ('facility.fitness', 'facility', '健身器材损坏', 'Broken fitness equipment', 'general', 24),
    ('neighbour', NULL, '邻里纠纷', 'Neighbour disputes', NULL, 30),
    ('neighbour.noise', 'neighbour', '噪音扰民', 'Noise', 'general', 31),
    ('neighbour.leak', 'neighbour', '楼上漏水', 'Water leaking from upstairs', 'complex', 32),
    ('neighbour.dispute', 'neighbour', '其他邻里矛盾', 'Other disputes', 'complex', 33),
    ('property', NULL, '物业管理', 'Property management', NULL, 40),
    ('property.service', 'property', '物业服务', 'Property services', 'general', 41),
    ('property.elevator', 'property', '电梯故障', 'Lift out of order', 'utility', 42),
    ('property.parking', 'property', '小区停车', 'Parking in the compound', 'general', 43),
    ('utility', NULL, '水电气暖', 'Water, power, gas, heating', NULL, 50),
    ('utility.water', 'utility', '停水', 'No water', 'utility', 51),
    ('utility.power', 'utility', '停电', 'No power', 'utility', 52),
    ('utility.gas', 'utility', '燃气', 'Gas', 'utility', 53),
    ('utility.heating', 'utility', '供暖', 'Heating', 'utility', 54),
    ('safety', NULL, '安全隐患', 'Safety hazards', NULL, 60),
    ('safety.fire', 'safety', '消防通道堵塞', 'Blocked fire lane', 'emergency', 61),
    ('safety.structure', 'safety', '房屋及构筑物安全', 'Unsafe structure', 'emergency', 62),
    ('safety.ebike', 'safety', '电动车违规充电', 'E-bike charging indoors', 'emergency', 63),
    ('service', NULL, '民生服务', 'Services to residents', NULL, 70),
    ('service.elderly', 'service', '为老服务', 'Care for the elderly', 'general', 71),
    ('service.policy', 'service', '政策咨询', 'Policy questions', 'general', 72),
    ('other', NULL, '其他', 'Other', NULL, 90),
    ('other.other', 'other', '其他事项', 'Other matters', 'general', 91);

CREATE TABLE event_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL CHECK (channel IN ('patrol', 'resident', 'hotline_12345', 'hotline_81890', 'member', 'visit', 'open311')),
    external_ref TEXT NOT NULL DEFAULT '',
    category_code TEXT NOT NULL REFERENCES event_categories(code),
    sla_class TEXT NOT NULL CHECK (sla_class IN ('general', 'complex', 'utility', 'emergency')),
    urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent')),
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    grid_id INTEGER,
    lng_e6 INTEGER,
    lat_e6 INTEGER,
    address TEXT NOT NULL DEFAULT '',
    reporter_name TEXT NOT NULL DEFAULT '',
    reporter_phone_enc BLOB,
    description TEXT NOT NULL,
    photo_ids TEXT NOT NULL DEFAULT '',
    related TEXT NOT NULL DEFAULT '',
    duplicate_of INTEGER REFERENCES events(id),
    reported_at INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('accepted', 'dispatched', 'in_progress', 'returned', 'suspended',
        'extension_requested', 'handled', 'verified', 'feedback', 'rated', 'marked', 'dismissed')),
    owner_org_id INTEGER NOT NULL REFERENCES orgs(id),
    owner_org_path TEXT NOT NULL,
    assignee_org_id INTEGER REFERENCES orgs(id),
    assignee_org_path TEXT,
    assignee_user_id INTEGER,
    assignee_name TEXT NOT NULL DEFAULT '',
    respond_by INTEGER,
    handle_by INTEGER,
    suspended_since INTEGER,
    suspended_millis INTEGER NOT NULL DEFAULT 0,
    handled_by INTEGER,
    closed_at INTEGER,
    outcome TEXT NOT NULL DEFAULT '',
    score INTEGER NOT NULL DEFAULT 0,
    reopen_count INTEGER NOT NULL DEFAULT 0,
    mark_kind TEXT NOT NULL DEFAULT '',
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((lat_e6 IS NULL) = (lng_e6 IS NULL))
) STRICT;
-- The queues: mine (assignee + state + deadline), an org's (place + state), a category's (category + state).
CREATE INDEX events_assignee_queue ON events(assignee_org_path, state, handle_by);
CREATE INDEX events_org_queue ON events(org_path, state, id);
CREATE INDEX events_owner_queue ON events(owner_org_path, state, id);
CREATE INDEX events_category_queue ON events(category_code, state, id);
CREATE UNIQUE INDEX events_external_ref ON events(channel, external_ref) WHERE external_ref <> '';

CREATE TABLE event_flow (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor_user_id INTEGER NOT NULL,
    actor_name TEXT NOT NULL,
    actor_org_id INTEGER,
    reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    photo_ids TEXT NOT NULL DEFAULT '',
    deadline INTEGER,
    whistle_id INTEGER,
    at INTEGER NOT NULL,
    UNIQUE (event_id, seq)
) STRICT;

CREATE TABLE event_whistles (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('org', 'overlay_unit')),
    target_org_id INTEGER REFERENCES orgs(id),
    target_org_path TEXT,
    overlay_unit_id INTEGER,
    target_name TEXT NOT NULL,
    report_within_minutes INTEGER NOT NULL,
    report_by INTEGER NOT NULL,
    blown_at INTEGER NOT NULL,
    blown_by INTEGER NOT NULL,
    reported_at INTEGER,
    report_note TEXT NOT NULL DEFAULT '',
    closed_at INTEGER,
    close_note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX event_whistles_event ON event_whistles(event_id, id);
CREATE INDEX event_whistles_target ON event_whistles(target_org_path, closed_at);
CREATE TRIGGER event_flow_no_update BEFORE UPDATE ON event_flow
BEGIN SELECT RAISE(ABORT, 'event_flow is append-only'); END;
CREATE TRIGGER event_flow_no_delete BEFORE DELETE ON event_flow
BEGIN SELECT RAISE(ABORT, 'event_flow is append-only'); END;
