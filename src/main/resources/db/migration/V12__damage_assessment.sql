-- Damage, loss, theft and failure cases (issue 11, item 5, R15-R17, R19): what the member reported (or the return
-- inspection found), and how staff assessed it: the item repaired (a maintenance block until the repair's last day),
-- retired (no replacement owed, R19), or fine; the cost borne by the borrower with its amount and insurance claim.
alter table damage_case add column nature varchar(10);
alter table damage_case add column occurred_on date;
alter table damage_case add column process_instance_id varchar(64);
alter table damage_case add column item_outcome varchar(12);
alter table damage_case add column repair_until date;
alter table damage_case add column repair_reservation_id bigint references reservation (id);
alter table damage_case add column borrower_pays boolean;
alter table damage_case add column amount numeric(10, 2);
alter table damage_case add column insurance_claim varchar(100);
alter table damage_case add column decision_reason varchar(2000);
alter table damage_case add column decided_by varchar(255);
alter table damage_case add column decided_at timestamp with time zone;
alter table damage_case add constraint damage_case_nature check (nature in ('PANNE', 'DEGAT', 'PERTE', 'VOL'));
alter table damage_case add constraint damage_case_item_outcome check (item_outcome in ('REPARATION', 'REFORME', 'AUCUN'));
alter table damage_case add constraint damage_case_amount check (amount is null or amount > 0);
