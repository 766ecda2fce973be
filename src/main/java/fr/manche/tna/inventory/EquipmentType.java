package fr.manche.tna.inventory;

/** A kind of equipment the département lends (« Casque de réalité virtuelle », « Drone »...). */
public record EquipmentType(long id, String name) {}
