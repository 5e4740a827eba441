-- 学位 (degree) of the national collection sheet's extended items (domain.md §11.1): a code of the degree list
-- (core/member/field_spec.cpp); '' = not given.
ALTER TABLE members ADD COLUMN degree TEXT NOT NULL DEFAULT '';
