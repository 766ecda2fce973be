-- The availability's reads must not grow with the loans' history (benchmark, issue 13, README "Benchmark").

-- Availability.reservedItems: the items holding a day between two days, whatever the item (the options of « Choisir
-- le matériel », LoanRequestService.freeItems, and the items asked by type). The primary key (item_id, reserved_on)
-- cannot serve a range of days over every item: without this index PostgreSQL read every reserved day ever written
-- (1.4 million rows at 100,000 loans). With item_id in it, the answer comes from the index alone.
create index reservation_day_day on reservation_day (reserved_on, item_id);
